package io.daprj.runtime.bindings;

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
import io.dapr.v1.DaprBindingsProtos;
import io.dapr.v1.DaprGrpc;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gRPC {@code InvokeBinding}, and a cron input binding read into a gRPC app's {@code OnBindingEvent}. */
class BindingsGrpcTest {

    /** Lists binding {@code ticker} only; answers every event with {@code "ok"} and sends it on to {@code files}. */
    static final class App extends AppCallbackGrpc.AppCallbackImplBase {
        final List<DaprAppCallbackProtos.BindingEventRequest> events = new CopyOnWriteArrayList<>();

        @Override
        public void listInputBindings(Empty r, StreamObserver<DaprAppCallbackProtos.ListInputBindingsResponse> out) {
            out.onNext(DaprAppCallbackProtos.ListInputBindingsResponse.newBuilder().addBindings("ticker").build());
            out.onCompleted();
        }

        @Override
        public void onBindingEvent(DaprAppCallbackProtos.BindingEventRequest r,
                StreamObserver<DaprAppCallbackProtos.BindingEventResponse> out) {
            events.add(r);
            out.onNext(DaprAppCallbackProtos.BindingEventResponse.newBuilder()
                    .setData(ByteString.copyFromUtf8("\"ok\"")).addTo("files").build());
            out.onCompleted();
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
        Path resources = TestSidecars.write(dir.resolve("resources"), "bindings.yaml", BindingYaml.all(
                BindingYaml.component("ticker", "bindings.cron", "schedule", "@every 1s"),
                BindingYaml.component("unlisted", "bindings.cron", "schedule", "@every 1s"),
                BindingYaml.component("files", "bindings.localstorage", "rootPath", dir.resolve("files").toString())));
        sidecar = Sidecar.start(TestSidecars.options("grpcbinder", resources, null,
                "--app-port", Integer.toString(appServer.activeLocalPort()), "--app-protocol", "grpc"));
        dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        appServer.stop().join();
    }

    private static DaprBindingsProtos.InvokeBindingResponse invoke(String name, String operation, String data, String... metadata) {
        DaprBindingsProtos.InvokeBindingRequest.Builder b = DaprBindingsProtos.InvokeBindingRequest.newBuilder()
                .setName(name).setOperation(operation).setData(ByteString.copyFromUtf8(data));
        for (int i = 0; i < metadata.length; i += 2) {
            b.putMetadata(metadata[i], metadata[i + 1]);
        }
        return dapr.invokeBinding(b.build());
    }

    @Test
    void invokeBindingWritesAndReadsLocalFilesWithRawData() throws Exception {
        assertThat(invoke("files", "create", "raw bytes", "fileName", "g.txt").getData().toStringUtf8())
                .isEqualTo("{\"fileName\":\"g.txt\"}");
        assertThat(Files.readString(dir.resolve("files/g.txt"))).isEqualTo("raw bytes");
        assertThat(invoke("files", "get", "", "fileName", "g.txt").getData().toStringUtf8()).isEqualTo("raw bytes");
        assertThat(invoke("files", "delete", "", "fileName", "g.txt").getData().isEmpty()).isTrue();
    }

    @Test
    void unknownBindingAndUnsupportedOperationAreInternalErrors() {
        assertThatThrownBy(() -> invoke("nope", "create", ""))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription())
                            .isEqualTo("error invoking output binding nope: couldn't find output binding nope");
                });
        assertThatThrownBy(() -> invoke("files", "rename", ""))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getDescription())
                        .endsWith("supported operations:create get list delete"));
    }

    @Test
    void cronEventsReachOnBindingEventOnlyForListedBindingsAndTheirAnswerGoesOnToTo() throws Exception {
        await().atMost(Duration.ofSeconds(8)).until(() -> !app.events.isEmpty());
        DaprAppCallbackProtos.BindingEventRequest e = app.events.getFirst();
        assertThat(e.getName()).isEqualTo("ticker");
        assertThat(e.getMetadataMap()).containsKeys("timeZone", "readTimeUTC");
        Thread.sleep(1_200);
        assertThat(app.events).allSatisfy(ev -> assertThat(ev.getName()).isEqualTo("ticker"));
        // the app's "to": files got the answer as a created file
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (var files = Files.list(dir.resolve("files"))) {
                return files.anyMatch(f -> f.getFileName().toString().length() == 36);
            }
        });
    }
}
