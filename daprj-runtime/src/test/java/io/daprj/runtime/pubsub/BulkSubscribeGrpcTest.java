package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkRequest;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventBulkResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprPubsubProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk subscribe into gRPC apps: {@code AppCallback/OnBulkTopicEvent}, and {@code AppCallbackAlpha/OnBulkTopicEventAlpha1}
 * for an app that serves only the older method; per-entry statuses, a missing status retried.
 */
class BulkSubscribeGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Subscribes to topic orders in bulk; answers SUCCESS, but RETRY once for "retry" and nothing once for "omit". */
    static final class App extends AppCallbackGrpc.AppCallbackImplBase {
        final List<TopicEventBulkRequest> batches = new CopyOnWriteArrayList<>();
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public void listTopicSubscriptions(Empty r, StreamObserver<DaprAppCallbackProtos.ListTopicSubscriptionsResponse> out) {
            out.onNext(DaprAppCallbackProtos.ListTopicSubscriptionsResponse.newBuilder()
                    .addSubscriptions(DaprAppCallbackProtos.TopicSubscription.newBuilder().setPubsubName("pubsub")
                            .setTopic("orders").setRoutes(DaprAppCallbackProtos.TopicRoutes.newBuilder().setDefault("/orders"))
                            .setBulkSubscribe(DaprAppCallbackProtos.BulkSubscribeConfig.newBuilder().setEnabled(true)
                                    .setMaxMessagesCount(10).setMaxAwaitDurationMs(300)))
                    .build());
            out.onCompleted();
        }

        TopicEventBulkResponse answer(TopicEventBulkRequest request) {
            batches.add(request);
            TopicEventBulkResponse.Builder response = TopicEventBulkResponse.newBuilder();
            for (DaprAppCallbackProtos.TopicEventBulkRequestEntry e : request.getEntriesList()) {
                String data = e.getCloudEvent().getData().toStringUtf8();
                boolean first = seen.add(data);
                if (data.equals("omit") && first) {
                    continue;
                }
                response.addStatuses(DaprAppCallbackProtos.TopicEventBulkResponseEntry.newBuilder().setEntryId(e.getEntryId())
                        .setStatus(data.equals("retry") && first ? TopicEventResponseStatus.RETRY : TopicEventResponseStatus.SUCCESS));
            }
            return response.build();
        }

        List<String> deliveredData() {
            List<String> data = new ArrayList<>();
            batches.forEach(b -> b.getEntriesList().forEach(e -> data.add(e.getCloudEvent().getData().toStringUtf8())));
            return data;
        }
    }

    /** An app with the stable bulk method. */
    static final class StableApp extends AppCallbackGrpc.AppCallbackImplBase {
        final App app = new App();

        @Override
        public void listTopicSubscriptions(Empty r, StreamObserver<DaprAppCallbackProtos.ListTopicSubscriptionsResponse> out) {
            app.listTopicSubscriptions(r, out);
        }

        @Override
        public void onBulkTopicEvent(TopicEventBulkRequest request, StreamObserver<TopicEventBulkResponse> out) {
            out.onNext(app.answer(request));
            out.onCompleted();
        }
    }

    /** An app with only the deprecated alpha bulk method. */
    static final class AlphaApp extends AppCallbackAlphaGrpc.AppCallbackAlphaImplBase {
        final App app = new App();

        @Override
        public void onBulkTopicEventAlpha1(TopicEventBulkRequest request, StreamObserver<TopicEventBulkResponse> out) {
            out.onNext(app.answer(request));
            out.onCompleted();
        }
    }

    @TempDir
    static Path dir;

    static final StableApp stable = new StableApp();
    static final AlphaApp alpha = new AlphaApp();
    static final List<AutoCloseable> running = new ArrayList<>();
    static DaprGrpc.DaprBlockingStub stableDapr;
    static DaprGrpc.DaprBlockingStub alphaDapr;

    @BeforeAll
    static void start() throws Exception {
        stableDapr = sidecarFor("stable", GrpcService.builder().addService(stable).build());
        alphaDapr = sidecarFor("alpha", GrpcService.builder().addService(alpha.app).addService(alpha).build());
    }

    private static DaprGrpc.DaprBlockingStub sidecarFor(String name, GrpcService service) throws Exception {
        Server server = Server.builder().http(0).service(service).build();
        server.start().join();
        running.add(() -> server.stop().join());
        Path resources = TestSidecars.write(dir.resolve(name), "pubsub.yaml",
                SqliteBrokerYaml.of(dir.resolve(name + ".db"), 10));
        Sidecar sidecar = Sidecar.start(TestSidecars.options("bulk-" + name, resources, null,
                "--app-port", Integer.toString(server.activeLocalPort()), "--app-protocol", "grpc"));
        running.addFirst(sidecar);
        DaprGrpc.DaprBlockingStub dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
        await().atMost(WAIT).until(() ->
                dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance()).getSubscriptionsCount() == 1);
        return dapr;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    private static void bulkPublish(DaprGrpc.DaprBlockingStub dapr, String... data) {
        DaprPubsubProtos.BulkPublishRequest.Builder b = DaprPubsubProtos.BulkPublishRequest.newBuilder()
                .setPubsubName("pubsub").setTopic("orders");
        for (int i = 0; i < data.length; i++) {
            b.addEntries(DaprPubsubProtos.BulkPublishRequestEntry.newBuilder().setEntryId(Integer.toString(i))
                    .setEvent(ByteString.copyFromUtf8(data[i])).setContentType("text/plain"));
        }
        assertThat(dapr.bulkPublishEvent(b.build()).getFailedEntriesList()).isEmpty();
    }

    private static void assertSettledPerEntry(App app) throws InterruptedException {
        await().atMost(WAIT).until(() -> app.deliveredData().size() >= 6);
        Thread.sleep(500);
        assertThat(app.deliveredData()).containsExactlyInAnyOrder("a", "b", "retry", "retry", "omit", "omit");
        assertThat(app.batches).anySatisfy(b -> assertThat(b.getEntriesCount()).isGreaterThan(1));
        TopicEventBulkRequest first = app.batches.getFirst();
        assertThat(first.getType()).isEqualTo("com.dapr.event.sent.bulk");
        assertThat(first.getPubsubName()).isEqualTo("pubsub");
        assertThat(first.getTopic()).isEqualTo("orders");
        assertThat(first.getPath()).isEqualTo("/orders");
        DaprAppCallbackProtos.TopicEventBulkRequestEntry entry = first.getEntries(0);
        assertThat(entry.getContentType()).isEqualTo("application/cloudevents+json");
        assertThat(entry.getCloudEvent().getId()).isNotEmpty();
        assertThat(entry.getCloudEvent().getDataContentType()).isEqualTo("text/plain");
        assertThat(entry.getCloudEvent().getSpecVersion()).isEqualTo("1.0");
    }

    @Test
    void onBulkTopicEventSettlesEachEntryByItsStatus() throws Exception {
        bulkPublish(stableDapr, "a", "b", "retry", "omit");
        assertSettledPerEntry(stable.app);
    }

    @Test
    void anAppWithOnlyTheAlphaMethodGetsOnBulkTopicEventAlpha1() throws Exception {
        bulkPublish(alphaDapr, "a", "b", "retry", "omit");
        assertSettledPerEntry(alpha.app);
    }
}
