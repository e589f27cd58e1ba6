package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprPubsubProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing over gRPC into a gRPC subscriber app: ListTopicSubscriptions, OnTopicEvent, DROP to dead letter. */
class PubSubGrpcTest {

    /** The app: subscribes to orders and drop (dead letter: dead) and dead; DROPs everything on topic drop. */
    static final class App extends AppCallbackGrpc.AppCallbackImplBase {
        final List<DaprAppCallbackProtos.TopicEventRequest> events = new CopyOnWriteArrayList<>();

        @Override
        public void listTopicSubscriptions(Empty r, StreamObserver<DaprAppCallbackProtos.ListTopicSubscriptionsResponse> out) {
            out.onNext(DaprAppCallbackProtos.ListTopicSubscriptionsResponse.newBuilder()
                    .addSubscriptions(subscription("orders", ""))
                    .addSubscriptions(subscription("drop", "dead"))
                    .addSubscriptions(subscription("dead", ""))
                    .build());
            out.onCompleted();
        }

        @Override
        public void onTopicEvent(DaprAppCallbackProtos.TopicEventRequest r, StreamObserver<DaprAppCallbackProtos.TopicEventResponse> out) {
            events.add(r);
            out.onNext(DaprAppCallbackProtos.TopicEventResponse.newBuilder()
                    .setStatus(r.getTopic().equals("drop") ? TopicEventResponseStatus.DROP : TopicEventResponseStatus.SUCCESS)
                    .build());
            out.onCompleted();
        }

        List<DaprAppCallbackProtos.TopicEventRequest> on(String topic) {
            return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
        }

        private static DaprAppCallbackProtos.TopicSubscription subscription(String topic, String deadLetter) {
            return DaprAppCallbackProtos.TopicSubscription.newBuilder().setPubsubName("pubsub").setTopic(topic)
                    .setRoutes(DaprAppCallbackProtos.TopicRoutes.newBuilder().setDefault("/" + topic))
                    .setDeadLetterTopic(deadLetter).build();
        }
    }

    @TempDir
    static Path dir;

    static App app = new App();
    static Server appServer;
    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub dapr;

    @BeforeAll
    static void start() throws Exception {
        appServer = Server.builder().http(0).service(GrpcService.builder().addService(app).build()).build();
        appServer.start().join();
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml", """
                kind: Component
                metadata: {name: pubsub}
                spec: {type: pubsub.in-memory, version: v1}
                """);
        sidecar = Sidecar.start(TestSidecars.options("grpcsub", resources, null,
                "--app-port", Integer.toString(appServer.activeLocalPort()), "--app-protocol", "grpc"));
        dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()).getSubscriptionsCount() == 3);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        appServer.stop().join();
    }

    private static void publish(String topic, String data, String contentType, String... metadata) {
        DaprPubsubProtos.PublishEventRequest.Builder b = DaprPubsubProtos.PublishEventRequest.newBuilder()
                .setPubsubName("pubsub").setTopic(topic).setData(ByteString.copyFromUtf8(data)).setDataContentType(contentType);
        for (int i = 0; i < metadata.length; i += 2) {
            b.putMetadata(metadata[i], metadata[i + 1]);
        }
        dapr.publishEvent(b.build());
    }

    @Test
    void publishEventReachesOnTopicEventWithEnvelopeFields() {
        publish("orders", "{\"n\":7}", "application/json", "cloudevent.id", "grpc-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.on("orders").stream().anyMatch(e -> e.getId().equals("grpc-1")));
        DaprAppCallbackProtos.TopicEventRequest e = app.on("orders").stream()
                .filter(x -> x.getId().equals("grpc-1")).findFirst().orElseThrow();
        assertThat(e.getPubsubName()).isEqualTo("pubsub");
        assertThat(e.getSource()).isEqualTo("grpcsub");
        assertThat(e.getType()).isEqualTo("com.dapr.event.sent");
        assertThat(e.getSpecVersion()).isEqualTo("1.0");
        assertThat(e.getDataContentType()).isEqualTo("application/json");
        assertThat(e.getData().toStringUtf8()).isEqualTo("{\"n\":7}");
        assertThat(e.getPath()).isEqualTo("/orders");
        assertThat(e.getExtensions().getFieldsMap()).containsKeys("traceparent", "topic", "pubsubname");
    }

    @Test
    void dropGoesToTheDeadLetterTopic() {
        publish("drop", "bye", "text/plain", "cloudevent.id", "grpc-drop");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.on("dead").stream().anyMatch(e -> e.getId().equals("grpc-drop")));
        assertThat(app.on("drop")).filteredOn(e -> e.getId().equals("grpc-drop")).hasSize(1);
    }

    @Test
    void bulkPublishEventDeliversEveryEntry() {
        DaprPubsubProtos.BulkPublishResponse r = dapr.bulkPublishEvent(DaprPubsubProtos.BulkPublishRequest.newBuilder()
                .setPubsubName("pubsub").setTopic("orders")
                .addEntries(entry("b1", "first")).addEntries(entry("b2", "second")).build());
        assertThat(r.getFailedEntriesList()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> app.on("orders").stream()
                .filter(e -> e.getData().toStringUtf8().matches("first|second")).count() == 2);
    }

    @Test
    void unknownPubsubIsInvalidArgumentWithDaprReason() {
        assertThatThrownBy(() -> dapr.publishEvent(DaprPubsubProtos.PublishEventRequest.newBuilder()
                .setPubsubName("nope").setTopic("t").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("pubsub nope is not found");
                });
    }

    @Test
    void emptyTopicIsInvalidArgument() {
        assertThatThrownBy(() -> dapr.publishEvent(DaprPubsubProtos.PublishEventRequest.newBuilder()
                .setPubsubName("pubsub").setTopic("").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("topic is empty in pubsub pubsub");
                });
    }

    @Test
    void metadataListsProgrammaticSubscriptions() {
        var subs = dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()).getSubscriptionsList();
        assertThat(subs).anyMatch(s -> s.getTopic().equals("drop") && s.getDeadLetterTopic().equals("dead")
                && s.getType() == DaprMetadataProtos.PubsubSubscriptionType.PROGRAMMATIC);
    }

    private static DaprPubsubProtos.BulkPublishRequestEntry entry(String id, String text) {
        return DaprPubsubProtos.BulkPublishRequestEntry.newBuilder().setEntryId(id)
                .setEvent(ByteString.copyFromUtf8(text)).setContentType("text/plain").build();
    }
}
