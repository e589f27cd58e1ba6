package io.daprj.components.redis.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagInvalidException;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateTtl;
import io.lettuce.core.RedisCommandExecutionException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes turned into the KEYS and ARGV of {@code write.lua}: five arguments per write (kind, expected ETag,
 * first-write flag, TTL seconds, data). Building a batch validates every write first, so a bad ETag or TTL
 * rejects the batch before anything is sent.
 */
final class RedisWriteBatch {

    private static final String MISMATCH = "ETAG_MISMATCH ";
    private static final byte[] EMPTY = new byte[0];

    private final List<StateOperation> operations;
    private final String[] keys;
    private final byte[][] args;

    private RedisWriteBatch(List<StateOperation> operations, long defaultTtlSeconds) {
        this.operations = List.copyOf(operations);
        this.keys = new String[operations.size()];
        this.args = new byte[operations.size() * 5][];
        for (int i = 0; i < operations.size(); i++) {
            StateOperation op = operations.get(i);
            keys[i] = op.key();
            int at = i * 5;
            switch (op) {
                case SetRequest set -> {
                    args[at] = ascii("set");
                    args[at + 1] = ascii(etag(set.etag()));
                    args[at + 2] = ascii(set.options().firstWrite() ? "1" : "0");
                    args[at + 3] = ascii(Long.toString(ttlSeconds(set.metadata(), defaultTtlSeconds)));
                    args[at + 4] = set.value();
                }
                case DeleteRequest delete -> {
                    args[at] = ascii("del");
                    args[at + 1] = ascii(etag(delete.etag()));
                    args[at + 2] = ascii("0");
                    args[at + 3] = ascii("0");
                    args[at + 4] = EMPTY;
                }
            }
        }
    }

    /**
     * @throws ETagInvalidException for an ETag that is not a version number
     * @throws IllegalArgumentException for a malformed {@code ttlInSeconds}
     */
    static RedisWriteBatch of(List<StateOperation> operations, long defaultTtlSeconds) {
        return new RedisWriteBatch(operations, defaultTtlSeconds);
    }

    String[] keys() {
        return keys;
    }

    byte[][] args() {
        return args;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** The SPI exception for a script error: an {@link ETagMismatchException} naming the write that failed. */
    RuntimeException translate(RedisCommandExecutionException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(MISMATCH);
        if (at < 0) {
            return e;
        }
        try {
            int index = Integer.parseInt(message.substring(at + MISMATCH.length()).trim()) - 1;
            return new ETagMismatchException(operations.get(index).key());
        } catch (RuntimeException parseFailure) {
            return new ETagMismatchException(operations.getFirst().key());
        }
    }

    /**
     * The TTL of one save: its own {@code ttlInSeconds} when given (0 and -1 meaning "never expires"), else the
     * component's default. A save without any TTL clears an earlier one.
     */
    static long ttlSeconds(Map<String, String> metadata, long defaultTtlSeconds) {
        String raw = metadata.get(StateTtl.TTL_IN_SECONDS);
        if (raw == null || raw.isBlank()) {
            return defaultTtlSeconds;
        }
        return StateTtl.seconds(metadata).orElse(0L);
    }

    /** The expected version, '' for none; Dapr's Redis ETags are the hash's {@code version} number. */
    private static String etag(Optional<String> etag) {
        if (etag.isEmpty() || etag.get().isEmpty()) {
            return "";
        }
        String value = etag.get();
        long version;
        try {
            version = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ETagInvalidException(value);
        }
        if (version < 0) {
            throw new ETagInvalidException(value);
        }
        return Long.toString(version);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(UTF_8);
    }
}
