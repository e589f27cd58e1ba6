package io.daprj.components.redis.bindings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.components.redis.RedisTestDatabase;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bindings.redis} against the machine's Redis, in a database this test class holds alone. */
class RedisOutputBindingTest {

    private RedisTestDatabase db;
    private RedisOutputBinding binding;

    @BeforeEach
    void open() {
        db = new RedisTestDatabase();
        db.deleteKeys("b-*");
        binding = new RedisOutputBinding();
        binding.init(ComponentMetadata.of("cache", "bindings.redis",
                db.metadata(Map.of(), Map.of())));
    }

    @AfterEach
    void close() {
        db.deleteKeys("b-*");
        binding.close();
        db.close();
    }

    private byte[] get(String key) {
        return binding.invoke("get", new byte[0], Map.of("key", key)).orElseThrow().data();
    }

    @Test
    void createStoresTheDataAsAStringValueThatGetAnswers() {
        assertThat(binding.invoke("create", "\"hello\"".getBytes(UTF_8), Map.of("key", "b-k1"))).isEmpty();
        assertThat(db.raw().get("b-k1")).asString(UTF_8).isEqualTo("\"hello\"");
        assertThat(get("b-k1")).asString(UTF_8).isEqualTo("\"hello\"");
        assertThat(db.raw().ttl("b-k1")).isEqualTo(-1);
    }

    @Test
    void ttlInSecondsOrATtlDurationBecomesTheKeysExpiry() {
        binding.invoke("create", "1".getBytes(UTF_8), Map.of("key", "b-t1", "ttlInSeconds", "100"));
        binding.invoke("create", "1".getBytes(UTF_8), Map.of("key", "b-t2", "ttl", "2m"));
        assertThat(db.raw().ttl("b-t1")).isBetween(90L, 100L);
        assertThat(db.raw().ttl("b-t2")).isBetween(110L, 120L);
        assertThatThrownBy(() -> binding.invoke("create", "1".getBytes(UTF_8), Map.of("key", "b-t3", "ttlInSeconds", "-5")))
                .isInstanceOf(BindingInvokeException.class).hasMessage("ttl value must be higher than zero: actual is '-5'");
        assertThatThrownBy(() -> binding.invoke("create", "1".getBytes(UTF_8), Map.of("key", "b-t3", "ttlInSeconds", "soon")))
                .hasMessage("ttl value must be a valid integer: actual is 'soon'");
        assertThat(db.raw().exists("b-t3")).isZero();
    }

    @Test
    void getOfAMissingKeyAnswersNothingAndDeleteTrueRemovesWhatItRead() {
        assertThat(get("b-missing")).isEmpty();
        binding.invoke("create", "v".getBytes(UTF_8), Map.of("key", "b-g1"));
        assertThat(binding.invoke("get", new byte[0], Map.of("key", "b-g1", "delete", "true")).orElseThrow().data())
                .asString(UTF_8).isEqualTo("v");
        assertThat(db.raw().exists("b-g1")).isZero();
    }

    @Test
    void deleteRemovesTheKey() {
        binding.invoke("create", "v".getBytes(UTF_8), Map.of("key", "b-d1"));
        assertThat(binding.invoke("delete", new byte[0], Map.of("key", "b-d1"))).isEmpty();
        assertThat(db.raw().exists("b-d1")).isZero();
    }

    @Test
    void incrementAddsOneAndFailsWithRedissMessageOnText() {
        binding.invoke("increment", new byte[0], Map.of("key", "b-n", "ttlInSeconds", "100"));
        binding.invoke("increment", new byte[0], Map.of("key", "b-n"));
        assertThat(get("b-n")).asString(UTF_8).isEqualTo("2");
        assertThat(db.raw().ttl("b-n")).isPositive();
        binding.invoke("create", "\"text\"".getBytes(UTF_8), Map.of("key", "b-s"));
        assertThatThrownBy(() -> binding.invoke("increment", new byte[0], Map.of("key", "b-s")))
                .isInstanceOf(BindingInvokeException.class).hasMessageContaining("not an integer");
    }

    @Test
    void everyOperationNeedsAKey() {
        for (String op : binding.operations()) {
            assertThatThrownBy(() -> binding.invoke(op, new byte[0], Map.of()))
                    .as(op).hasMessage("redis binding: missing key in request metadata");
        }
    }

    @Test
    void initFailsWhenTheServerCannotBeReached() {
        RedisOutputBinding unreachable = new RedisOutputBinding();
        assertThatThrownBy(() -> unreachable.init(ComponentMetadata.of("cache", "bindings.redis",
                Map.of("redisHost", "127.0.0.1:1", "dialTimeout", "1s"))))
                .hasMessageStartingWith("redis binding: error connecting to redis at 127.0.0.1:1");
    }
}
