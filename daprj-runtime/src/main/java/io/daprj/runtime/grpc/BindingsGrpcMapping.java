package io.daprj.runtime.grpc;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.dapr.v1.DaprBindingsProtos;
import io.daprj.runtime.bindings.BindingsApi;
import io.daprj.runtime.bindings.OutputResult;
import java.util.HashMap;
import java.util.Map;

/**
 * gRPC {@code InvokeBinding}: the request metadata plus the caller's gRPC headers (reserved ones renamed
 * {@code dapr-…}, never overriding the request's, except trace headers) go to the component; response metadata is
 * sent as {@code metadata.<key>} headers, even on failure, and in the response.
 */
final class BindingsGrpcMapping {

    private BindingsGrpcMapping() {}

    static DaprBindingsProtos.InvokeBindingResponse invoke(BindingsApi bindings, DaprBindingsProtos.InvokeBindingRequest r) {
        Map<String, String> metadata = new HashMap<>(r.getMetadataMap());
        ServiceRequestContext ctx = ServiceRequestContext.current();
        ctx.request().headers().forEach((name, value) -> {
            String key = daprKey(name.toString());
            if (key != null && (!metadata.containsKey(key) || key.equals("traceparent") || key.equals("tracestate"))) {
                metadata.put(key, value);
            }
        });
        OutputResult result = bindings.invoke(r.getName(), r.getOperation(), r.getData().toByteArray(), metadata);
        if (!result.metadata().isEmpty()) {
            ctx.mutateAdditionalResponseHeaders(h -> result.metadata().forEach((k, v) -> h.add("metadata." + k, v)));
        }
        if (result.failure().isPresent()) {
            throw result.failure().get();
        }
        return DaprBindingsProtos.InvokeBindingResponse.newBuilder()
                .setData(ByteString.copyFrom(result.data().orElse(new byte[0])))
                .putAllMetadata(result.metadata())
                .build();
    }

    /** daprd's {@code ReservedGRPCMetadataToDaprPrefixHeader}; other pseudo-headers are not metadata. */
    private static String daprKey(String key) {
        return switch (key) {
            case ":method", ":scheme", ":path", ":authority" -> "dapr-" + key.substring(1);
            default -> key.startsWith(":") ? null : key.startsWith("grpc-") ? "dapr-" + key : key;
        };
    }
}
