package io.daprj.spi.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Dapr's {@code ttlInSeconds} request metadata and writes the {@code ttlExpireTime} response metadata.
 * A TTL of 0 or -1 (or none) means the key never expires and removes an earlier TTL, as in Dapr's stores.
 */
public final class StateTtl {

    public static final String TTL_IN_SECONDS = "ttlInSeconds";
    public static final String TTL_EXPIRE_TIME = "ttlExpireTime";

    private StateTtl() {}

    /**
     * The TTL in seconds given in {@code metadata}, empty for none, 0 or -1.
     *
     * @throws IllegalArgumentException for a value that is not an integer or is below -1
     */
    public static Optional<Long> seconds(Map<String, String> metadata) {
        String raw = metadata.get(TTL_IN_SECONDS);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        long ttl;
        try {
            ttl = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("incorrect value for metadata 'ttlInSeconds': " + raw, e);
        }
        if (ttl < -1) {
            throw new IllegalArgumentException("incorrect value for metadata 'ttlInSeconds': " + raw
                    + " (expected: -1 or more)");
        }
        return ttl <= 0 ? Optional.empty() : Optional.of(ttl);
    }

    /** The expiry instant for a TTL set now, if {@code metadata} asks for one. */
    public static Optional<Instant> expiry(Map<String, String> metadata, Instant now) {
        return seconds(metadata).map(now::plusSeconds);
    }

    /** {@code {ttlExpireTime: <RFC 3339>}} for a key that expires, else an empty map. */
    public static Map<String, String> responseMetadata(Optional<Instant> expiresAt) {
        return expiresAt.map(t -> Map.of(TTL_EXPIRE_TIME, DateTimeFormatter.ISO_INSTANT.format(t.atOffset(ZoneOffset.UTC))))
                .orElse(Map.of());
    }
}
