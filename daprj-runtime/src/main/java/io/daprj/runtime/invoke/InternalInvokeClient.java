package io.daprj.runtime.invoke;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import io.daprj.spi.nameresolution.Instance;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Calls another sidecar's internal gRPC port; one pooled HTTP/2 client per address. */
public final class InternalInvokeClient implements AutoCloseable {

    private final Map<String, DaprGrpc.DaprBlockingStub> stubs = new ConcurrentHashMap<>();
    private final String appId;
    private final String namespace;
    private final long maxBodyBytes;

    public InternalInvokeClient(String appId, String namespace, long maxBodyBytes) {
        this.appId = appId;
        this.namespace = namespace;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sends {@code request} for app {@code targetAppId} to {@code instance}; transport failures throw. */
    public InvokeResponse invoke(Instance instance, String targetAppId, InvokeRequest request) {
        Metadata metadata = new Metadata();
        metadata.put(InternalWire.CALLER_APP_ID, appId);
        metadata.put(InternalWire.CALLER_NAMESPACE, namespace);
        InternalWire.putHeaders(metadata, request.headers());
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        CommonProtos.InvokeResponse response = stub(instance.address())
                .withInterceptors(
                        MetadataUtils.newAttachHeadersInterceptor(metadata),
                        MetadataUtils.newCaptureMetadataInterceptor(new AtomicReference<>(), trailers))
                .invokeService(DaprInvokeProtos.InvokeServiceRequest.newBuilder()
                        .setId(targetAppId)
                        .setMessage(InternalWire.message(request))
                        .build());
        Metadata received = trailers.get() == null ? new Metadata() : trailers.get();
        String status = received.get(InternalWire.STATUS);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (String key : received.keys()) {
            if (key.startsWith(InternalWire.HEADER_PREFIX) && !key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (String value : received.getAll(InternalWire.key(key))) {
                    entries.add(Map.entry(key, value));
                }
            }
        }
        return new InvokeResponse(status == null ? 200 : Integer.parseInt(status), InternalWire.headersFrom(entries),
                response.getData().getValue().toByteArray(), response.getContentType());
    }

    private DaprGrpc.DaprBlockingStub stub(String address) {
        return stubs.computeIfAbsent(address, a -> GrpcClients.builder("http://" + a)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .maxRequestMessageLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                .maxResponseMessageLength(Integer.MAX_VALUE)
                .build(DaprGrpc.DaprBlockingStub.class));
    }

    @Override
    public void close() {
        stubs.clear();
    }
}
