package io.daprj.conformance.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.Concurrency;
import io.daprj.spi.state.Consistency;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateOptions;
import io.daprj.spi.state.StateTtl;
import java.util.Map;
import java.util.Optional;

/** Short factories for the state requests the conformance suites send; public so store-specific tests reuse them. */
public final class StateRequests {

    private static final StateOptions FIRST_WRITE = new StateOptions(Concurrency.FIRST_WRITE, Consistency.STRONG);

    private StateRequests() {}

    public static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    public static SetRequest set(String key, String value) {
        return SetRequest.of(key, bytes(value));
    }

    public static SetRequest setWithEtag(String key, String value, String etag) {
        return new SetRequest(key, bytes(value), Optional.of(etag), Map.of(), StateOptions.DEFAULT, Optional.empty());
    }

    /** A save carrying {@code ttlInSeconds: ttl} exactly as written (it may be malformed on purpose). */
    public static SetRequest setWithTtl(String key, String value, String ttl) {
        return new SetRequest(key, bytes(value), Optional.empty(), Map.of(StateTtl.TTL_IN_SECONDS, ttl),
                StateOptions.DEFAULT, Optional.empty());
    }

    /** A first-write save, with {@code etag} when given. */
    public static SetRequest firstWrite(String key, String value, Optional<String> etag) {
        return new SetRequest(key, bytes(value), etag, Map.of(), FIRST_WRITE, Optional.empty());
    }

    public static DeleteRequest delete(String key) {
        return DeleteRequest.of(key);
    }

    public static DeleteRequest deleteWithEtag(String key, String etag) {
        return new DeleteRequest(key, Optional.of(etag), Map.of(), StateOptions.DEFAULT);
    }

    public static GetRequest get(String key) {
        return GetRequest.of(key);
    }
}
