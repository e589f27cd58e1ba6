package io.daprj.components.redis.state;

import static io.daprj.conformance.state.StateRequests.bytes;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static io.daprj.conformance.state.StateRequests.setWithTtl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.state.ConcurrentEtagWriters;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the conformance suite cannot see: Dapr's layout in Redis, TTL as key expiry, metadata, and contention. */
class RedisStateStoreTest {

    private static final String PREFIX = "redis-test-" + UUID.randomUUID() + "-";
    private static RedisTestServer server;
    private RedisStateStore store;

    @BeforeAll
    static void connect() {
        server = new RedisTestServer();
    }

    @AfterAll
    static void cleanUp() {
        server.deleteKeys(PREFIX + "*");
        server.close();
    }

    @BeforeEach
    void open() {
        store = server.store(Map.of());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void storesEachKeyAsAHashOfDataAndVersionAsDaprDoes() {
        String key = PREFIX + "layout";
        store.set(set(key, "{\"a\":1}"));
        Map<String, byte[]> hash = server.raw().hgetall(key);
        assertThat(hash).containsOnlyKeys("data", "version");
        assertThat(hash.get("data")).containsExactly(bytes("{\"a\":1}"));
        assertThat(new String(hash.get("version"), UTF_8)).isEqualTo("1");
        assertThat(store.get(get(key)).orElseThrow().etag()).contains("1");
        store.set(set(key, "2"));
        assertThat(new String(server.raw().hget(key, "version"), UTF_8)).isEqualTo("2");
    }

    @Test
    void readsAndUpdatesAValueDaprWrote() {
        String key = PREFIX + "from-dapr";
        server.raw().hset(key, Map.of("data", bytes("\"dapr\""), "version", bytes("7")));
        StateItem item = store.get(get(key)).orElseThrow();
        assertThat(item.data()).containsExactly(bytes("\"dapr\""));
        assertThat(item.etag()).contains("7");
        store.set(setWithEtag(key, "\"daprj\"", "7"));
        assertThat(new String(server.raw().hget(key, "version"), UTF_8)).isEqualTo("8");
    }

    @Test
    void plainStringValueOfOlderWritersIsReadWithoutEtagAndReplacedByAHash() {
        String key = PREFIX + "legacy";
        server.raw().set(key, bytes("old"));
        StateItem item = store.get(get(key)).orElseThrow();
        assertThat(item.data()).containsExactly(bytes("old"));
        assertThat(item.etag()).isEmpty();
        store.set(set(key, "new"));
        assertThat(server.raw().type(key)).isEqualTo("hash");
        assertThat(store.get(get(key)).orElseThrow().etag()).contains("1");
    }

    @Test
    void ttlIsTheKeysOwnExpiryAndAWriteWithoutTtlRemovesIt() {
        String key = PREFIX + "ttl";
        store.set(setWithTtl(key, "1", "100"));
        assertThat(server.raw().pttl(key)).isBetween(90_000L, 100_000L);
        store.set(set(key, "2"));
        assertThat(server.raw().pttl(key)).isEqualTo(-1L);
    }

    @Test
    void componentTtlAppliesToWritesWithoutTheirOwnAndMinusOneOverridesIt() {
        try (StateStore withDefault = server.store(Map.of("ttlInSeconds", "100"))) {
            String key = PREFIX + "default-ttl";
            withDefault.set(set(key, "1"));
            assertThat(server.raw().pttl(key)).isBetween(90_000L, 100_000L);
            withDefault.set(setWithTtl(key, "2", "-1"));
            assertThat(server.raw().pttl(key)).isEqualTo(-1L);
        }
    }

    @Test
    void transactionChecksEtagsAgainstItsOwnEarlierWrites() {
        String key = PREFIX + "tx";
        store.set(set(key, "1"));
        store.transact(List.of(set(key, "2"), setWithEtag(key, "3", "2")), Map.of());
        assertThat(store.get(get(key)).orElseThrow().data()).containsExactly(bytes("3"));
        assertThatThrownBy(() -> store.transact(List.of(set(key, "4"), setWithEtag(key, "5", "3")), Map.of()))
                .isInstanceOf(ETagMismatchException.class).hasMessageContaining(key);
        assertThat(store.get(get(key)).orElseThrow().data()).containsExactly(bytes("3"));
    }

    @Test
    void concurrentWritersWithEtagsLoseNoUpdate() throws Exception {
        String key = PREFIX + "counter";
        store.set(set(key, "0"));
        int writers = 8;
        int incrementsEach = 25;
        ConcurrentEtagWriters.increment(store, key, writers, incrementsEach);
        StateItem item = store.get(get(key)).orElseThrow();
        assertThat(new String(item.data(), UTF_8)).isEqualTo(String.valueOf(writers * incrementsEach));
        assertThat(item.etag()).contains(String.valueOf(writers * incrementsEach + 1));
    }

    @Test
    void missingRedisHostIsReportedByName() {
        assertThatThrownBy(() -> new RedisStateStore().init(ComponentMetadata.of("s", "state.redis", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redisHost");
    }

    @Test
    void badMetadataValuesAreReportedByName() {
        assertThatThrownBy(() -> server.store(Map.of("redisHost", "localhost:notaport")))
                .hasMessageContaining("redisHost");
        assertThatThrownBy(() -> server.store(Map.of("redisDB", "abc"))).hasMessageContaining("redisDB");
        assertThatThrownBy(() -> server.store(Map.of("redisType", "cluster")))
                .hasMessageContaining("redisType");
        assertThatThrownBy(() -> server.store(Map.of("dialTimeout", "soon")))
                .hasMessageContaining("dialTimeout");
    }

    @Test
    void unreachableServerFailsInitWithTheAddress() {
        assertThatThrownBy(() -> server.store(Map.of("redisHost", "127.0.0.1:1", "dialTimeout", "1s")))
                .hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void hostWithoutPortUsesTheDefaultPortAndIpv6IsBracketed() {
        assertThat(RedisAddress.parse("localhost")).isEqualTo(new RedisAddress("localhost", 6379));
        assertThat(RedisAddress.parse("[::1]:6380")).isEqualTo(new RedisAddress("::1", 6380));
        assertThat(RedisAddress.parse("redis.local:7000")).isEqualTo(new RedisAddress("redis.local", 7000));
    }

    @Test
    void keyPrefixAndActorStateStoreAreTolerated() {
        try (StateStore tolerant = server.store(Map.of("keyPrefix", "none", "actorStateStore", "true"))) {
            assertThat(tolerant.get(get(PREFIX + "nothing"))).isEmpty();
        }
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        List<String> types = ServiceLoader.load(ComponentProvider.class).stream()
                .map(p -> p.get().type()).toList();
        assertThat(types).contains("state.redis");
    }
}
