package io.daprj.runtime.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import io.daprj.runtime.EchoApp;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gRPC InvokeService to an HTTP app, and the app channel to a gRPC app (AppCallback/OnInvoke), across sidecars. */
class InvokeGrpcTest {

    @TempDir
    static Path dir;

    static EchoApp httpApp;
    static Server grpcApp;
    static Sidecar httpAppSidecar;
    static Sidecar grpcAppSidecar;
    static DaprGrpc.DaprBlockingStub dapr;

    /** A gRPC app answering OnInvoke with what it received, and NOT_FOUND for method "missing". */
    static final class CallbackApp extends AppCallbackGrpc.AppCallbackImplBase {
        @Override
        public void onInvoke(CommonProtos.InvokeRequest r, StreamObserver<CommonProtos.InvokeResponse> out) {
            if (r.getMethod().equals("missing")) {
                out.onError(Status.NOT_FOUND.withDescription("no such method").asRuntimeException());
                return;
            }
            String caller = ServiceRequestContext.current().request().headers().get("dapr-caller-app-id", "?");
            String text = r.getHttpExtension().getVerb() + " " + r.getMethod() + " ?" + r.getHttpExtension().getQuerystring()
                    + " caller=" + caller + " body=" + r.getData().getValue().toStringUtf8();
            out.onNext(CommonProtos.InvokeResponse.newBuilder()
                    .setData(Any.newBuilder().setValue(ByteString.copyFromUtf8(text))).setContentType("text/plain").build());
            out.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        httpApp = new EchoApp();
        grpcApp = Server.builder().http(0).service(GrpcService.builder().addService(new CallbackApp()).build()).build();
        grpcApp.start().join();
        Path resources = TestSidecars.inMemoryResources(dir);
        Path config = TestSidecars.nameResolutionConfig(dir);
        httpAppSidecar = Sidecar.start(TestSidecars.options("httpapp", resources, config,
                "--app-port", Integer.toString(httpApp.port())));
        grpcAppSidecar = Sidecar.start(TestSidecars.options("grpcapp", resources, config,
                "--app-port", Integer.toString(grpcApp.activeLocalPort()), "--app-protocol", "grpc"));
        dapr = GrpcClients.newClient("http://127.0.0.1:" + httpAppSidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        httpAppSidecar.close();
        grpcAppSidecar.close();
        grpcApp.stop().join();
        httpApp.close();
    }

    private static DaprInvokeProtos.InvokeServiceRequest request(String id, String method, CommonProtos.HTTPExtension.Verb verb, String body) {
        return DaprInvokeProtos.InvokeServiceRequest.newBuilder().setId(id).setMessage(CommonProtos.InvokeRequest.newBuilder()
                .setMethod(method)
                .setData(Any.newBuilder().setValue(ByteString.copyFromUtf8(body)))
                .setContentType("text/plain")
                .setHttpExtension(CommonProtos.HTTPExtension.newBuilder().setVerb(verb).setQuerystring("a=1")))
                .build();
    }

    @Test
    void proxyModeStreamsAnyServiceToTheAppNamedByDaprAppId() {
        // the app's own service, called on the caller's Dapr gRPC port, as the SDK's newGrpcStub does
        AppCallbackGrpc.AppCallbackBlockingStub viaProxy = GrpcClients.builder("http://127.0.0.1:" + httpAppSidecar.grpcPort())
                .addHeader("dapr-app-id", "grpcapp")
                .build(AppCallbackGrpc.AppCallbackBlockingStub.class);
        CommonProtos.InvokeResponse r = viaProxy.onInvoke(CommonProtos.InvokeRequest.newBuilder().setMethod("direct")
                .setData(Any.newBuilder().setValue(ByteString.copyFromUtf8("p"))).build());
        assertThat(r.getData().getValue().toStringUtf8()).isEqualTo("NONE direct ? caller=httpapp body=p");
        assertThatThrownBy(() -> viaProxy.onInvoke(CommonProtos.InvokeRequest.newBuilder().setMethod("missing").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void proxyModeWithoutAppIdIsUnimplemented() {
        AppCallbackGrpc.AppCallbackBlockingStub noTarget = GrpcClients.newClient(
                "http://127.0.0.1:" + httpAppSidecar.grpcPort(), AppCallbackGrpc.AppCallbackBlockingStub.class);
        assertThatThrownBy(() -> noTarget.onInvoke(CommonProtos.InvokeRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
    }

    @Test
    void grpcInvokeServiceReachesOwnHttpApp() {
        CommonProtos.InvokeResponse r = dapr.invokeService(request("httpapp", "orders", CommonProtos.HTTPExtension.Verb.PUT, "hi"));
        assertThat(r.getData().getValue().toStringUtf8()).startsWith("PUT /orders ?a=1").endsWith("body=hi");
    }

    @Test
    void grpcInvokeServiceReachesGrpcAppThroughItsSidecar() throws Exception {
        CommonProtos.InvokeResponse r = dapr.invokeService(request("grpcapp", "greet", CommonProtos.HTTPExtension.Verb.POST, "yo"));
        assertThat(r.getData().getValue().toStringUtf8()).isEqualTo("POST greet ?a=1 caller=httpapp body=yo");
        assertThat(r.getContentType()).isEqualTo("text/plain");
        // the gRPC app's sidecar counts its call to the app as daprd does
        var http = java.net.http.HttpClient.newHttpClient();
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + grpcAppSidecar.metricsPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("dapr_grpc_io_client_completed_rpcs\\{app_id=\"grpcapp\","
                + "grpc_client_method=\"/dapr.proto.runtime.v1.AppCallback/OnInvoke\",grpc_client_status=\"OK\"\\} [1-9]");
    }

    @Test
    void grpcAppErrorBecomesHttpStatusForHttpCallers() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + httpAppSidecar.httpPort() + "/v1.0/invoke/grpcapp/method/missing")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void httpAppErrorStatusBecomesGrpcStatus() {
        assertThatThrownBy(() -> dapr.invokeService(request("httpapp", "status/404", CommonProtos.HTTPExtension.Verb.GET, "")))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
}
