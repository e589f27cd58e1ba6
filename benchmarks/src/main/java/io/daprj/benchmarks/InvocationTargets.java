package io.daprj.benchmarks;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Service invocation, straight to the {@link EchoApp} and through a caller and a callee sidecar. HTTP goes over
 * HTTP/1.1 ({@code h1c}), as SDKs and Fortio send it; gRPC over HTTP/2.
 */
final class InvocationTargets {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final CommonProtos.InvokeRequest MESSAGE = CommonProtos.InvokeRequest.newBuilder()
            .setMethod(EchoApp.METHOD)
            .setData(Any.newBuilder().setValue(ByteString.copyFrom(Payloads.BODY)))
            .setContentType("application/octet-stream")
            .setHttpExtension(CommonProtos.HTTPExtension.newBuilder().setVerb(CommonProtos.HTTPExtension.Verb.POST))
            .build();

    private InvocationTargets() {}

    static LoadTarget httpDirect(int appPort) {
        return httpPost(appPort, "/" + EchoApp.METHOD);
    }

    static LoadTarget httpViaSidecars(int callerHttpPort, String calleeAppId) {
        return httpPost(callerHttpPort, "/v1.0/invoke/" + calleeAppId + "/method/" + EchoApp.METHOD);
    }

    static LoadTarget grpcDirect(int appPort) {
        AppCallbackGrpc.AppCallbackStub app = GrpcClients.builder("http://127.0.0.1:" + appPort)
                .responseTimeout(TIMEOUT).build(AppCallbackGrpc.AppCallbackStub.class);
        return seq -> {
            UnaryCall<CommonProtos.InvokeResponse> call = new UnaryCall<>();
            app.onInvoke(MESSAGE, call);
            return call.thenApply(InvocationTargets::requireEcho);
        };
    }

    static LoadTarget grpcViaSidecars(int callerGrpcPort, String calleeAppId) {
        DaprGrpc.DaprStub dapr = GrpcClients.builder("http://127.0.0.1:" + callerGrpcPort)
                .responseTimeout(TIMEOUT).build(DaprGrpc.DaprStub.class);
        DaprInvokeProtos.InvokeServiceRequest request = DaprInvokeProtos.InvokeServiceRequest.newBuilder()
                .setId(calleeAppId).setMessage(MESSAGE).build();
        return seq -> {
            UnaryCall<CommonProtos.InvokeResponse> call = new UnaryCall<>();
            dapr.invokeService(request, call);
            return call.thenApply(InvocationTargets::requireEcho);
        };
    }

    private static LoadTarget httpPost(int port, String path) {
        WebClient client = WebClient.builder("h1c://127.0.0.1:" + port).responseTimeout(TIMEOUT).build();
        return seq -> client.execute(HttpRequest.of(HttpMethod.POST, path, MediaType.OCTET_STREAM, Payloads.BODY))
                .aggregate()
                .thenApply(response -> requireStatus(response, 200, Payloads.SIZE));
    }

    static AggregatedHttpResponse requireStatus(AggregatedHttpResponse response, int status, int length) {
        if (response.status().code() != status || (length >= 0 && response.content().length() != length)) {
            throw new IllegalStateException("unexpected answer: " + response.status() + ", "
                    + response.content().length() + " bytes: " + response.contentUtf8());
        }
        return response;
    }

    private static CommonProtos.InvokeResponse requireEcho(CommonProtos.InvokeResponse response) {
        if (response.getData().getValue().size() != Payloads.SIZE) {
            throw new IllegalStateException("echo of " + response.getData().getValue().size() + " bytes");
        }
        return response;
    }
}
