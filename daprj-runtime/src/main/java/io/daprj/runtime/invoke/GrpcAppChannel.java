package io.daprj.runtime.invoke;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.CommonProtos;
import io.daprj.runtime.metrics.DaprMetrics;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The app channel to a gRPC app: {@code AppCallback/OnInvoke}, headers as metadata. */
public final class GrpcAppChannel implements AppChannel {

    private static final String ON_INVOKE = "/dapr.proto.runtime.v1.AppCallback/OnInvoke";

    private final String host;
    private final int port;
    private final AppCallbackGrpc.AppCallbackBlockingStub stub;
    private final ConcurrencyLimit limit;
    private final Optional<String> appApiToken;
    private final DaprMetrics metrics;

    /** @param appApiToken {@code APP_API_TOKEN}, sent to the app as metadata {@code dapr-api-token} */
    public GrpcAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken) {
        this(host, port, maxConcurrency, maxBodyBytes, appApiToken, DaprMetrics.disabled());
    }

    /** Like the other constructor, each call counted in daprd's {@code dapr_grpc_io_client_*} metrics. */
    public GrpcAppChannel(String host, int port, int maxConcurrency, long maxBodyBytes, Optional<String> appApiToken,
            DaprMetrics metrics) {
        this.metrics = metrics;
        this.appApiToken = appApiToken;
        this.host = host;
        this.port = port;
        this.stub = GrpcClients.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .maxResponseMessageLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                .build(AppCallbackGrpc.AppCallbackBlockingStub.class);
        this.limit = new ConcurrencyLimit(maxConcurrency);
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        CommonProtos.InvokeRequest message = InternalWire.message(request);
        Metadata metadata = new Metadata();
        request.headers().forEach((k, v) -> {
            if (!k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                metadata.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v);
            }
        });
        appApiToken.ifPresent(t -> metadata.put(Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER), t));
        long start = System.nanoTime();
        try {
            CommonProtos.InvokeResponse response = limit.call(() -> stub
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                    .onInvoke(message));
            metrics.grpcClient(ON_INVOKE, Status.Code.OK, message.getSerializedSize(), response.getSerializedSize(),
                    System.nanoTime() - start);
            return new InvokeResponse(200, Headers.EMPTY, response.getData().getValue().toByteArray(),
                    response.getContentType());
        } catch (StatusRuntimeException e) {
            metrics.grpcClient(ON_INVOKE, e.getStatus().getCode(), message.getSerializedSize(), 0, System.nanoTime() - start);
            String text = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
            return new InvokeResponse(GrpcHttpStatus.toHttp(e.getStatus().getCode()), Headers.EMPTY,
                    text.getBytes(StandardCharsets.UTF_8), "text/plain");
        }
    }

    @Override
    public boolean reachable() {
        return PortProbe.open(host, port);
    }

    @Override
    public void close() {}
}
