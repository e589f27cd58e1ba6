package io.daprj.components.redis.state;

import io.daprj.conformance.state.StateStoreConformance;
import io.daprj.spi.state.ETagInvalidException;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * The Redis store passes the state conformance suite against the real server; its ETags are version numbers, so an
 * ETag that is not a number is invalid rather than a mismatch.
 */
class RedisStateStoreConformanceTest extends StateStoreConformance {

    private static final RedisTestServer SERVER = new RedisTestServer();

    @AfterAll
    static void deleteConformanceKeys() {
        try (SERVER) {
            SERVER.deleteKeys("conf-*");
        }
    }

    @Override
    protected StateStore newStore() {
        return SERVER.store(Map.of());
    }

    @Override
    protected Set<StateFeature> expectedFeatures() {
        return EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL);
    }

    @Override
    protected Class<? extends RuntimeException> foreignEtagException() {
        return ETagInvalidException.class;
    }
}
