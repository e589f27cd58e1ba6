package io.daprj.components.mqtt.bindings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.components.mqtt.MosquittoTestBroker;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.InputBinding;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The MQTT binding's own behaviour: where {@code create} publishes, the event metadata, retries of refused events. */
class Mqtt3BindingTest {

    private static final MosquittoTestBroker BROKER = new MosquittoTestBroker();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @AfterAll
    static void discardSessions() {
        BROKER.close();
    }

    private static Mqtt3Binding open(String topic, Map<String, String> extra) {
        String id = BROKER.newClientId("binding", "-consumer", "-producer");
        Map<String, String> metadata = new HashMap<>(Map.of("url", MosquittoTestBroker.URL, "topic", topic,
                "consumerID", id));
        metadata.putAll(extra);
        Mqtt3Binding binding = new Mqtt3Binding();
        binding.init(ComponentMetadata.of("mqtt", "bindings.mqtt3", metadata));
        return binding;
    }

    @Test
    void createPublishesToTheComponentTopicOrTheTopicTheRequestNames() {
        String topic = BROKER.newClientId("create") + "/a";
        String other = topic + "/other";
        Mqtt3Binding binding = open(topic, Map.of());
        Mqtt3Binding otherReader = open(other, Map.of());
        List<BindingEvent> onTopic = new CopyOnWriteArrayList<>();
        List<BindingEvent> onOther = new CopyOnWriteArrayList<>();
        try (InputBinding.Reading a = binding.read(e -> { onTopic.add(e); return new byte[0]; });
                InputBinding.Reading b = otherReader.read(e -> { onOther.add(e); return new byte[0]; })) {
            assertThat(binding.invoke("create", "\"one\"".getBytes(UTF_8), Map.of())).isEmpty();
            binding.invoke("create", "\"two\"".getBytes(UTF_8), Map.of("topic", other));
            await().atMost(WAIT).until(() -> !onTopic.isEmpty() && !onOther.isEmpty());
            assertThat(new String(onTopic.getFirst().data(), UTF_8)).isEqualTo("\"one\"");
            assertThat(onTopic.getFirst().metadata()).containsEntry("topic", topic);
            assertThat(new String(onOther.getFirst().data(), UTF_8)).isEqualTo("\"two\"");
            assertThatThrownBy(() -> binding.read(e -> new byte[0])).hasMessageContaining("already active");
        } finally {
            binding.close();
            otherReader.close();
        }
    }

    @Test
    void anEventTheAppRefusedIsRetriedFiveSecondsLaterAndAcknowledgedOnceTaken() throws Exception {
        String topic = BROKER.newClientId("retry") + "/events";
        Mqtt3Binding binding = open(topic, Map.of("backOffMaxRetries", "1"));
        AtomicInteger calls = new AtomicInteger();
        List<String> taken = new CopyOnWriteArrayList<>();
        try (InputBinding.Reading reading = binding.read(event -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the app answered 500");
            }
            taken.add(new String(event.data(), UTF_8));
            return new byte[0];
        })) {
            BROKER.publish(topic, "first".getBytes(UTF_8), false);
            BROKER.publish(topic, "second".getBytes(UTF_8), false);
            await().atMost(WAIT).untilAsserted(() -> assertThat(taken).containsExactly("first", "second"));
            assertThat(calls.get()).isEqualTo(3);
        } finally {
            binding.close();
        }
    }

    @Test
    void metadataDaprRequiresIsRequired() {
        assertThatThrownBy(() -> open("t", Map.of("url", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        Mqtt3Binding binding = new Mqtt3Binding();
        assertThatThrownBy(() -> binding.init(ComponentMetadata.of("mqtt", "bindings.mqtt3",
                Map.of("url", MosquittoTestBroker.URL, "topic", "t"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumerID");
    }
}
