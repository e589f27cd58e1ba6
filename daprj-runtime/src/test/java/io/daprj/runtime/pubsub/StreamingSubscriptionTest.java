package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprPubsubProtos;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SubscribeTopicEventsAlpha1} over real gRPC, on a sidecar with no app port and a durable SQLite broker. */
class StreamingSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub dapr;
    static DaprGrpc.DaprStub async;

    @BeforeAll
    static void start() throws Exception {
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml",
                SqliteBrokerYaml.of(dir.resolve("pubsub.db"), 1));
        sidecar = Sidecar.start(TestSidecars.options("streamer", resources, null));
        String url = "http://127.0.0.1:" + sidecar.grpcPort();
        dapr = GrpcClients.newClient(url, DaprGrpc.DaprBlockingStub.class);
        async = GrpcClients.newClient(url, DaprGrpc.DaprStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    private static String topic() {
        return "t-" + UUID.randomUUID();
    }

    private static void publish(String topic, String data, String id) {
        dapr.publishEvent(DaprPubsubProtos.PublishEventRequest.newBuilder().setPubsubName("pubsub").setTopic(topic)
                .setData(ByteString.copyFromUtf8(data)).setDataContentType("text/plain")
                .putMetadata("cloudevent.id", id).build());
    }

    /** Opens a stream and waits for daprd's initial response, which comes before any event. */
    private static TestEventStream subscribed(String topic, String deadLetterTopic) throws InterruptedException {
        TestEventStream s = TestEventStream.subscribe(async, "pubsub", topic, deadLetterTopic);
        assertThat(s.next(WAIT).hasInitialResponse()).isTrue();
        return s;
    }

    private static TopicEventRequest nextEvent(TestEventStream s) throws InterruptedException {
        SubscribeTopicEventsResponseAlpha1 r = s.next(WAIT);
        assertThat(r.hasEventMessage()).as("an event message: %s", r).isTrue();
        return r.getEventMessage();
    }

    private static java.util.List<DaprMetadataProtos.PubsubSubscription> subscriptions() {
        return dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()).getSubscriptionsList();
    }

    @Test
    void eventsArriveAfterTheInitialResponseAndTheStreamShowsInMetadata() throws Exception {
        String topic = topic();
        try (TestEventStream s = subscribed(topic, "")) {
            assertThat(subscriptions()).anyMatch(sub -> sub.getTopic().equals(topic) && sub.getPubsubName().equals("pubsub")
                    && sub.getType() == DaprMetadataProtos.PubsubSubscriptionType.STREAMING);
            publish(topic, "hello", "s-1");
            TopicEventRequest e = nextEvent(s);
            assertThat(e.getId()).isEqualTo("s-1");
            assertThat(e.getData().toStringUtf8()).isEqualTo("hello");
            assertThat(e.getTopic()).isEqualTo(topic);
            assertThat(e.getPubsubName()).isEqualTo("pubsub");
            assertThat(e.getPath()).isEqualTo("/");
            assertThat(e.getDataContentType()).isEqualTo("text/plain");
            s.answer("s-1", TopicEventResponseStatus.SUCCESS);
            publish(topic, "second", "s-2");
            assertThat(nextEvent(s).getId()).isEqualTo("s-2");
            s.answer("s-2", TopicEventResponseStatus.SUCCESS);
            s.complete();
            await().atMost(WAIT).until(() -> subscriptions().stream().noneMatch(sub -> sub.getTopic().equals(topic)));
        }
    }

    @Test
    void anUnansweredEventIsDeliveredAgainToTheNextStream() throws Exception {
        String topic = topic();
        TestEventStream first = subscribed(topic, "");
        publish(topic, "pending", "s-pending");
        assertThat(nextEvent(first).getId()).isEqualTo("s-pending");
        first.close(); // no answer: the broker keeps the message
        await().atMost(WAIT).until(() -> subscriptions().stream().noneMatch(sub -> sub.getTopic().equals(topic)));
        try (TestEventStream second = subscribed(topic, "")) {
            TopicEventRequest again = nextEvent(second);
            assertThat(again.getId()).isEqualTo("s-pending");
            second.answer(again.getId(), TopicEventResponseStatus.SUCCESS);
        }
    }

    @Test
    void retryRedeliversOnTheSameStreamAndSuccessEndsIt() throws Exception {
        String topic = topic();
        try (TestEventStream s = subscribed(topic, "")) {
            publish(topic, "again", "s-retry");
            assertThat(nextEvent(s).getId()).isEqualTo("s-retry");
            s.answer("s-retry", TopicEventResponseStatus.RETRY);
            assertThat(nextEvent(s).getId()).isEqualTo("s-retry");
            s.answer("s-retry", TopicEventResponseStatus.SUCCESS);
            assertThat(s.poll(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void dropGoesToTheStreamsDeadLetterTopic() throws Exception {
        String topic = topic();
        String dead = topic + "-dead";
        try (TestEventStream deadLetters = subscribed(dead, ""); TestEventStream s = subscribed(topic, dead)) {
            publish(topic, "bye", "s-drop");
            assertThat(nextEvent(s).getId()).isEqualTo("s-drop");
            s.answer("s-drop", TopicEventResponseStatus.DROP);
            TopicEventRequest e = nextEvent(deadLetters);
            assertThat(e.getId()).isEqualTo("s-drop");
            assertThat(e.getData().toStringUtf8()).isEqualTo("bye");
            deadLetters.answer("s-drop", TopicEventResponseStatus.SUCCESS);
            assertThat(s.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aFirstMessageThatIsNotTheInitialRequestIsInvalidArgument() throws Exception {
        TestEventStream s = new TestEventStream(async);
        s.answer("x", TopicEventResponseStatus.SUCCESS);
        assertStatus(s, Status.Code.INVALID_ARGUMENT, "initial request is required");
    }

    @Test
    void anUnknownPubsubIsInvalidArgument() throws Exception {
        TestEventStream s = TestEventStream.subscribe(async, "nope", "t", "");
        assertStatus(s, Status.Code.INVALID_ARGUMENT, "pubsub nope is not found");
    }

    @Test
    void anEmptyTopicIsInvalidArgument() throws Exception {
        TestEventStream s = TestEventStream.subscribe(async, "pubsub", "", "");
        assertStatus(s, Status.Code.INVALID_ARGUMENT, "topic is required");
    }

    @Test
    void aSecondStreamOnTheSameTopicIsRefused() throws Exception {
        String topic = topic();
        try (TestEventStream s = subscribed(topic, "")) {
            TestEventStream twice = TestEventStream.subscribe(async, "pubsub", topic, "");
            assertStatus(twice, Status.Code.INVALID_ARGUMENT, "streamer already subscribed to pubsub \"pubsub\" topic \"" + topic + "\"");
            s.send(SubscribeTopicEventsRequestAlpha1.getDefaultInstance()); // neither initial nor processed: ignored
            publish(topic, "still here", "s-still");
            assertThat(nextEvent(s).getId()).isEqualTo("s-still");
            s.answer("s-still", TopicEventResponseStatus.SUCCESS);
        }
    }

    private static void assertStatus(TestEventStream s, Status.Code code, String description) throws Exception {
        Throwable t = s.ended.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(t).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).isEqualTo(description);
        });
    }
}
