package io.daprj.runtime.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/** Writes spans as a Zipkin v2 JSON array ({@code POST /api/v2/spans}). */
final class ZipkinEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZipkinEncoder() {}

    static byte[] encode(Collection<SpanData> spans) {
        ArrayNode array = JSON.createArrayNode();
        for (SpanData span : spans) {
            ObjectNode z = array.addObject();
            z.put("traceId", span.getTraceId());
            z.put("id", span.getSpanId());
            if (span.getParentSpanContext().isValid()) {
                z.put("parentId", span.getParentSpanId());
            }
            z.put("name", span.getName());
            String kind = kind(span.getKind());
            if (kind != null) {
                z.put("kind", kind);
            }
            z.put("timestamp", span.getStartEpochNanos() / 1_000);
            z.put("duration", Math.max(1, (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000));
            z.putObject("localEndpoint").put("serviceName",
                    span.getResource().getAttributes().asMap().entrySet().stream()
                            .filter(e -> e.getKey().getKey().equals("service.name"))
                            .map(e -> String.valueOf(e.getValue())).findFirst().orElse("daprd"));
            ObjectNode tags = z.putObject("tags");
            span.getAttributes().forEach((k, v) -> tags.put(k.getKey(), String.valueOf(v)));
            if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
                tags.put("error", span.getStatus().getDescription().isEmpty() ? "true" : span.getStatus().getDescription());
            }
        }
        try {
            return JSON.writeValueAsBytes(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kind(SpanKind kind) {
        return switch (kind) {
            case SERVER -> "SERVER";
            case CLIENT -> "CLIENT";
            case PRODUCER -> "PRODUCER";
            case CONSUMER -> "CONSUMER";
            case INTERNAL -> null;
        };
    }
}
