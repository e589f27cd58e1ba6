package io.daprj.components.mqtt.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.components.mqtt.MosquittoTestBroker;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the conformance suite cannot see: kept sessions across a restart, wildcards, shared subscriptions, retain. */
class Mqtt3PubSubTest {

    private static final MosquittoTestBroker BROKER = new MosquittoTestBroker();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @AfterAll
    static void discardSessions() {
        BROKER.close();
    }

    private static Mqtt3PubSub open(String clientId, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>(Map.of("url", MosquittoTestBroker.URL, "consumerID", clientId,
                "backOffDuration", "100ms"));
        metadata.putAll(extra);
        Mqtt3PubSub pubsub = new Mqtt3PubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.mqtt3", metadata));
        return pubsub;
    }

    private static String text(Message message) {
        return new String(message.data(), UTF_8);
    }

    private static void publish(Mqtt3PubSub pubsub, String topic, String payload, Map<String, String> metadata) {
        pubsub.publish(new PublishRequest(topic, payload.getBytes(UTF_8), "text/plain", metadata));
    }

    @Test
    void aMessageTheAppNeverTookComesAgainWhenTheSidecarRestartsWithTheSameConsumerId() throws Exception {
        String clientId = BROKER.newClientId("restart");
        String topic = clientId + "/orders";
        List<String> acceptedBefore = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger();
        Mqtt3PubSub first = open(clientId, Map.of());
        first.subscribe(new SubscribeRequest(topic, Map.of()), message -> {
            if (text(message).equals("m-1")) {
                refusals.incrementAndGet();
                throw new IllegalStateException("the app is not ready for m-1");
            }
            acceptedBefore.add(text(message));
        });
        publish(first, topic, "m-0", Map.of());
        publish(first, topic, "m-1", Map.of());
        await().atMost(WAIT).until(() -> refusals.get() >= 3); // retried here, never acknowledged
        first.close();
        BROKER.publish(topic, "m-2".getBytes(UTF_8), false); // while the sidecar is away: kept in its session

        List<String> deliveredAfter = new CopyOnWriteArrayList<>();
        Mqtt3PubSub second = open(clientId, Map.of());
        try {
            second.subscribe(new SubscribeRequest(topic, Map.of()), message -> deliveredAfter.add(text(message)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(deliveredAfter).contains("m-1", "m-2"));
        } finally {
            second.close();
        }
        assertThat(acceptedBefore).containsExactly("m-0");
        assertThat(deliveredAfter).as("the acknowledged m-0 is not sent again").doesNotContain("m-0");
    }

    @Test
    void wildcardAndSharedSubscriptionsReceiveTheConcreteTopic() throws Exception {
        String clientId = BROKER.newClientId("wildcard");
        Mqtt3PubSub pubsub = open(clientId, Map.of());
        try {
            List<Message> wild = new CopyOnWriteArrayList<>();
            List<Message> shared = new CopyOnWriteArrayList<>();
            pubsub.subscribe(new SubscribeRequest(clientId + "/+/orders", Map.of()), wild::add);
            pubsub.subscribe(new SubscribeRequest("$share/workers/" + clientId + "/jobs", Map.of()), shared::add);
            publish(pubsub, clientId + "/eu/orders", "eu", Map.of());
            publish(pubsub, clientId + "/eu/other", "ignored", Map.of());
            publish(pubsub, clientId + "/us/orders", "us", Map.of());
            publish(pubsub, clientId + "/jobs", "job", Map.of());
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(wild).extracting(Message::topic)
                        .containsExactlyInAnyOrder(clientId + "/eu/orders", clientId + "/us/orders");
                assertThat(shared).extracting(Message::topic).containsExactly(clientId + "/jobs");
            });
            assertThat(wild).extracting(Mqtt3PubSubTest::text).containsExactlyInAnyOrder("eu", "us");
            assertThat(wild.getFirst().metadata()).containsEntry("retained", "false");
        } finally {
            pubsub.close();
        }
    }

    @Test
    void aRetainedMessageReachesALaterSubscriberMarkedRetained() throws Exception {
        String clientId = BROKER.newClientId("retain");
        String topic = clientId + "/status";
        Mqtt3PubSub pubsub = open(clientId, Map.of());
        try {
            publish(pubsub, topic, "online", Map.of("retain", "true"));
            List<Message> received = new CopyOnWriteArrayList<>();
            pubsub.subscribe(new SubscribeRequest(topic, Map.of()), received::add);
            await().atMost(WAIT).until(() -> !received.isEmpty());
            assertThat(text(received.getFirst())).isEqualTo("online");
            assertThat(received.getFirst().metadata()).containsEntry("retained", "true");
            assertThatThrownBy(() -> publish(pubsub, topic, "x", Map.of("retain", "perhaps")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retain");
        } finally {
            BROKER.publish(topic, new byte[0], true); // an empty retained message removes it
            pubsub.close();
        }
    }

    @Test
    void badMetadataIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> open("x", Map.of("qos", "3"))).hasMessageContaining("qos");
        assertThatThrownBy(() -> open("x", Map.of("url", "http://127.0.0.1:1883"))).hasMessageContaining("url");
        assertThatThrownBy(() -> open("x", Map.of("caCert", "-----BEGIN CERTIFICATE-----")))
                .hasMessageContaining("caCert");
        assertThatThrownBy(() -> open("x", Map.of("url", "tcp://127.0.0.1:1"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
