package io.daprj.benchmarks;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.CommonProtos;
import io.grpc.stub.StreamObserver;

/**
 * The app behind the callee sidecar, and the target of the direct path: {@code POST /echo} answers with the request
 * body, gRPC {@code AppCallback/OnInvoke} answers with the request's data. Both on one port, on Netty event loops,
 * doing no work of their own so the measurement is the transport.
 */
final class EchoApp implements AutoCloseable {

    static final String METHOD = "echo";

    private final Server server;

    private EchoApp(Server server) {
        this.server = server;
    }

    static EchoApp start() {
        Server server = Server.builder()
                .http(0)
                .service("/" + METHOD, (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(body ->
                        HttpResponse.of(HttpStatus.OK, MediaType.OCTET_STREAM, body.content()))))
                .service(GrpcService.builder().addService(new Callback()).build())
                .build();
        server.start().join();
        return new EchoApp(server);
    }

    int port() {
        return server.activeLocalPort();
    }

    @Override
    public void close() {
        server.stop().join();
    }

    private static final class Callback extends AppCallbackGrpc.AppCallbackImplBase {
        @Override
        public void onInvoke(CommonProtos.InvokeRequest request, StreamObserver<CommonProtos.InvokeResponse> response) {
            response.onNext(CommonProtos.InvokeResponse.newBuilder()
                    .setData(request.getData())
                    .setContentType(request.getContentType())
                    .build());
            response.onCompleted();
        }
    }
}
