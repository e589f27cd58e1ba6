package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A stored value as read back.
 *
 * @param metadata response metadata, e.g. {@code ttlExpireTime} (RFC 3339) for a key with a TTL
 */
public record StateItem(byte[] data, Optional<String> etag, Map<String, String> metadata, Optional<String> contentType) {

    public StateItem {
        requireNonNull(data, "data");
        requireNonNull(etag, "etag");
        metadata = Map.copyOf(requireNonNull(metadata, "metadata"));
        requireNonNull(contentType, "contentType");
    }
}
