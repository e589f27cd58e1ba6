package io.daprj.components.nats.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the conformance suite cannot see: durable consumers across a restart, de-duplication, missing streams. */
class JetStreamDurableConsumerTest {

    private static final JetStreamTestServer SERVER = new JetStreamTestServer();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @AfterAll
    static void deleteStreams() {
        SERVER.close();
    }

    private static String newTopic(String name) {
        return "daprj-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void publish(JetStreamPubSub pubsub, String topic, String payload) {
        pubsub.publish(new PublishRequest(topic, payload.getBytes(UTF_8), "text/plain", Map.of()));
    }

    private static String text(Message message) {
        return new String(message.data(), UTF_8);
    }

    @Test
    void nothingAcknowledgedIsLostAndUnackedMessagesComeBackAfterARestartWithTheSameDurableName() throws Exception {
        String topic = newTopic("durable");
        SERVER.createStream(topic);
        Map<String, String> metadata = Map.of("durableName", "orders-" + topic, "ackWait", "2s");
        List<String> sent = new ArrayList<>();
        List<String> acceptedBefore = new CopyOnWriteArrayList<>();
        CountDownLatch sixthArrived = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);

        JetStreamPubSub first = SERVER.pubsub(metadata);
        Subscription subscription = first.subscribe(new SubscribeRequest(topic, Map.of()), message -> {
            if (acceptedBefore.size() < 5) {
                acceptedBefore.add(text(message));
                return;
            }
            // the sixth message is still in the handler when the sidecar shuts down: the app never took it
            sixthArrived.countDown();
            closing.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            throw new IllegalStateException("the app went away");
        });
        for (int i = 0; i < 20; i++) {
            sent.add("m-" + i);
            publish(first, topic, "m-" + i);
        }
        assertThat(sixthArrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread closer = Thread.ofVirtual().start(subscription::close);
        Thread.sleep(200); // close is now waiting for the running handler
        assertThat(closer.isAlive()).as("close waits for the running handler").isTrue();
        closing.countDown();
        closer.join(WAIT.toMillis());
        first.close();
        assertThat(acceptedBefore).as("one at a time, in stream order").containsExactlyElementsOf(sent.subList(0, 5));

        // published while no sidecar runs: the durable consumer keeps its place
        JetStreamPubSub publisher = SERVER.pubsub(Map.of());
        for (int i = 20; i < 25; i++) {
            sent.add("m-" + i);
            publish(publisher, topic, "m-" + i);
        }
        publisher.close();

        JetStreamPubSub second = SERVER.pubsub(metadata);
        List<String> deliveredAfter = new CopyOnWriteArrayList<>();
        try (Subscription again = second.subscribe(new SubscribeRequest(topic, Map.of()),
                message -> deliveredAfter.add(text(message)))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(Set.copyOf(deliveredAfter))
                    .containsExactlyInAnyOrderElementsOf(sent.subList(5, sent.size())));
            assertThat(again).isNotNull();
        } finally {
            second.close();
        }
        assertThat(deliveredAfter).as("acknowledged messages are not delivered again").doesNotContainAnyElementsOf(
                acceptedBefore);
        assertThat(deliveredAfter).as("in stream order, the unacknowledged sixth first").startsWith("m-5");
    }

    @Test
    void parallelConcurrencyHandsSeveralMessagesToTheHandlerAtOnce() throws Exception {
        String topic = newTopic("parallel");
        SERVER.createStream(topic);
        JetStreamPubSub pubsub = SERVER.pubsub(Map.of("concurrency", "parallel"));
        CountDownLatch allInside = new CountDownLatch(3);
        List<String> accepted = new CopyOnWriteArrayList<>();
        try (Subscription subscription = pubsub.subscribe(new SubscribeRequest(topic, Map.of()), message -> {
            allInside.countDown();
            // one at a time, the first call would wait here for the others in vain
            if (!allInside.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other messages never arrived alongside");
            }
            accepted.add(text(message));
        })) {
            for (int i = 0; i < 3; i++) {
                publish(pubsub, topic, "p-" + i);
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(accepted).containsExactlyInAnyOrder("p-0", "p-1", "p-2"));
            assertThat(subscription).isNotNull();
        } finally {
            pubsub.close();
        }
        assertThat(allInside.getCount()).isZero();
    }

    @Test
    void publishingOneCloudEventTwiceStoresItOnce() throws Exception {
        String topic = newTopic("dedup");
        String stream = SERVER.createStream(topic);
        JetStreamPubSub pubsub = SERVER.pubsub(Map.of());
        try {
            String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"data\":\"x\"}";
            publish(pubsub, topic, event);
            publish(pubsub, topic, event);
            publish(pubsub, topic, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\"}");
            assertThat(SERVER.messageCount(stream)).isEqualTo(2);
        } finally {
            pubsub.close();
        }
    }

    @Test
    void aTopicNoStreamHoldsCannotBePublishedOrSubscribed() throws Exception {
        String topic = newTopic("nostream");
        JetStreamPubSub pubsub = SERVER.pubsub(Map.of());
        try {
            assertThatThrownBy(() -> publish(pubsub, topic, "x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(topic);
            assertThatThrownBy(() -> pubsub.subscribe(new SubscribeRequest(topic, Map.of()), m -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no stream matches subject " + topic);
        } finally {
            pubsub.close();
        }
    }

    @Test
    void badMetadataIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("jwt", "eyJ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seedKey");
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("deliverPolicy", "sequence")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startSequence");
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("deliverPolicy", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deliverPolicy");
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("flowControl", "true")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("natsURL", "nats://127.0.0.1:1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:1");
    }
}
