package io.daprj.conformance.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.pubsub.BulkPublishEntry;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every pub/sub component must do, after Dapr's conformance cases. A subclass returns an initialised component
 * and says which features it declares and whether it delivers in publish order; every test uses fresh topics.
 */
public abstract class PubSubConformance {

    private PubSub pubsub;
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** A new, initialised component. */
    protected abstract PubSub newPubSub() throws Exception;

    /** The features the component must declare, exactly. */
    protected abstract Set<PubSubFeature> expectedFeatures();

    /** True when first deliveries must arrive in publish order (Dapr's {@code checkInOrderProcessing}). */
    protected boolean checkInOrderProcessing() {
        return true;
    }

    /** Messages per test; Dapr's default is 10. */
    protected int messageCount() {
        return 10;
    }

    /** How long every message may take to arrive. */
    protected Duration maxReadDuration() {
        return Duration.ofSeconds(20);
    }

    /** Called after subscribing, before publishing: brokers that attach subscribers asynchronously wait here. */
    protected void awaitSubscribed(Subscription subscription) throws Exception {}

    @BeforeEach
    void open() throws Exception {
        pubsub = newPubSub();
    }

    @AfterEach
    void closeAll() {
        subscriptions.forEach(Subscription::close);
        pubsub.close();
    }

    @Test
    void declaresExactlyTheExpectedFeatures() {
        assertThat(pubsub.features()).containsExactlyInAnyOrderElementsOf(expectedFeatures());
    }

    @Test
    void failedMessagesAreRedeliveredUntilAccepted() throws Exception {
        String topic = topic("redelivery");
        // Dapr's case: the first two calls and every fifth fail
        RecordingHandler handler = new RecordingHandler(n -> n <= 2 || n % 5 == 0);
        subscribe(topic, handler);
        List<String> sent = publishAll(topic, "m");
        await().atMost(maxReadDuration()).untilAsserted(() -> assertThat(handler.accepted()).containsAll(sent));
        assertThat(handler.calls()).isGreaterThan(sent.size());
        if (checkInOrderProcessing()) {
            assertThat(handler.firstArrivals()).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void eachTopicReachesOnlyItsOwnHandler() throws Exception {
        String topicA = topic("multi-a");
        String topicB = topic("multi-b");
        RecordingHandler a = RecordingHandler.acceptingAll();
        RecordingHandler b = RecordingHandler.acceptingAll();
        subscribe(topicA, a);
        subscribe(topicB, b);
        List<String> sentA = publishAll(topicA, "a");
        List<String> sentB = publishAll(topicB, "b");
        await().atMost(maxReadDuration()).untilAsserted(() -> {
            assertThat(a.accepted()).containsExactlyInAnyOrderElementsOf(sentA);
            assertThat(b.accepted()).containsExactlyInAnyOrderElementsOf(sentB);
        });
        assertThat(a.topics()).containsOnly(topicA);
        assertThat(b.topics()).containsOnly(topicB);
    }

    @Test
    void stoppingOneSubscriptionLeavesTheOtherRunning() throws Exception {
        String stoppedTopic = topic("stopped");
        String runningTopic = topic("running");
        RecordingHandler stopped = RecordingHandler.acceptingAll();
        RecordingHandler running = RecordingHandler.acceptingAll();
        Subscription toStop = subscribe(stoppedTopic, stopped);
        subscribe(runningTopic, running);
        toStop.close();
        publishAll(stoppedTopic, "s");
        List<String> sent = publishAll(runningTopic, "r");
        await().atMost(maxReadDuration()).untilAsserted(() -> assertThat(running.accepted()).containsAll(sent));
        // the running topic's messages all arrived, so a stopped subscription that still delivered would show by now
        assertThat(stopped.calls()).isZero();
    }

    @Test
    void bulkPublishDeliversEveryEntryAndReportsNoFailure() throws Exception {
        String topic = topic("bulk");
        RecordingHandler handler = RecordingHandler.acceptingAll();
        subscribe(topic, handler);
        List<BulkPublishEntry> entries = IntStream.range(0, messageCount())
                .mapToObj(i -> new BulkPublishEntry(Integer.toString(i), ("bulk-" + i).getBytes(StandardCharsets.UTF_8),
                        "text/plain", Map.of()))
                .toList();
        assertThat(pubsub.bulkPublish(topic, entries)).isEmpty();
        List<String> sent = entries.stream().map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList();
        await().atMost(maxReadDuration()).untilAsserted(() -> assertThat(handler.accepted()).containsAll(sent));
        if (checkInOrderProcessing() && pubsub.features().contains(PubSubFeature.BULK_PUBLISH)) {
            assertThat(handler.firstArrivals()).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void subscriberSeesThePayloadBytesAsPublished() throws Exception {
        String topic = topic("bytes");
        RecordingHandler handler = RecordingHandler.acceptingAll();
        subscribe(topic, handler);
        String payload = "{\"specversion\":\"1.0\",\"data\":\"é \\u0000 ☃\"}";
        pubsub.publish(new PublishRequest(topic, payload.getBytes(StandardCharsets.UTF_8),
                "application/cloudevents+json", Map.of()));
        await().atMost(maxReadDuration()).untilAsserted(() -> assertThat(handler.accepted()).containsExactly(payload));
    }

    private Subscription subscribe(String topic, RecordingHandler handler) throws Exception {
        Subscription s = pubsub.subscribe(new SubscribeRequest(topic, Map.of()), handler);
        subscriptions.add(s);
        awaitSubscribed(s);
        return s;
    }

    private List<String> publishAll(String topic, String prefix) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < messageCount(); i++) {
            String payload = prefix + "-" + i;
            pubsub.publish(new PublishRequest(topic, payload.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of()));
            sent.add(payload);
        }
        return sent;
    }

    private static String topic(String name) {
        return "conformance-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
