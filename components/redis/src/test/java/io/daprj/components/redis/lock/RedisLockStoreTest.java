package io.daprj.components.redis.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.ComponentMetadata;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dapr's storage layout (a string key holding the owner, with a TTL) and metadata checks. */
class RedisLockStoreTest {

    private static RedisLockStore open(Map<String, String> properties) {
        RedisLockStore store = new RedisLockStore();
        store.init(ComponentMetadata.of("lockstore", "lock.redis", properties));
        return store;
    }

    @Test
    void lockIsAStringKeyHoldingTheOwnerThatExpiresWithTheLock() {
        String key = "lock||redislocktest||" + UUID.randomUUID();
        RedisClient client = RedisClient.create("redis://" + RedisLockStoreConformanceTest.HOST);
        try (RedisLockStore store = open(Map.of("redisHost", RedisLockStoreConformanceTest.HOST));
                var raw = client.connect()) {
            assertThat(store.tryLock(key, "owner-1", Duration.ofSeconds(20))).isTrue();
            assertThat(raw.sync().get(key)).isEqualTo("owner-1");
            assertThat(raw.sync().pttl(key)).isBetween(1L, 20_000L);
            store.unlock(key, "owner-1");
            assertThat(raw.sync().exists(key)).isZero();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void badMetadataNamesTheField() {
        assertThatThrownBy(() -> open(Map.of("redisHost", "127.0.0.1:notaport"))).hasMessageContaining("redisHost");
        assertThatThrownBy(() -> open(Map.of("redisHost", "127.0.0.1:6379", "redisType", "cluster")))
                .hasMessageContaining("redisType");
    }

    @Test
    void unreachableServerFailsInit() {
        assertThatThrownBy(() -> open(Map.of("redisHost", "127.0.0.1:1", "dialTimeout", "500ms")))
                .hasMessageContaining("error connecting to redis");
    }
}
