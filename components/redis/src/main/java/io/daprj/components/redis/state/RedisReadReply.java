package io.daprj.components.redis.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateTtl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decodes the reply of {@code read.lua}: four entries per key (kind, data, version, PTTL in milliseconds). */
final class RedisReadReply {

    private static final long HASH = 1;
    private static final long STRING = 2;

    private RedisReadReply() {}

    /**
     * The item of each key, in order; empty for a missing key.
     *
     * @throws IllegalStateException for a hash without {@code data} or {@code version}, which Dapr rejects too
     */
    static List<Optional<StateItem>> items(List<String> keys, List<Object> reply) {
        if (reply.size() != keys.size() * 4) {
            throw new IllegalStateException("unexpected reply of " + reply.size() + " entries for " + keys.size()
                    + " key(s)");
        }
        Instant now = Instant.now();
        List<Optional<StateItem>> items = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            long kind = (Long) reply.get(i * 4);
            byte[] data = (byte[]) reply.get(i * 4 + 1);
            byte[] version = (byte[]) reply.get(i * 4 + 2);
            long pttl = (Long) reply.get(i * 4 + 3);
            if (kind == HASH && (data == null || version == null)) {
                throw new IllegalStateException(
                        "required hash field 'data' or 'version' was not found for key " + keys.get(i));
            }
            if (kind != HASH && kind != STRING || data == null) {
                items.add(Optional.empty());
                continue;
            }
            Map<String, String> meta = StateTtl.responseMetadata(
                    pttl > 0 ? Optional.of(now.plusMillis(pttl)) : Optional.empty());
            Optional<String> etag = kind == HASH ? Optional.of(new String(version, UTF_8)) : Optional.empty();
            items.add(Optional.of(new StateItem(data, etag, meta, Optional.empty())));
        }
        return items;
    }
}
