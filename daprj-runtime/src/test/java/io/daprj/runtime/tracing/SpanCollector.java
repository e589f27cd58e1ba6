package io.daprj.runtime.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.Server;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process trace collector on one port: Zipkin v2 JSON ({@code POST /api/v2/spans}), OTLP over HTTP
 * ({@code POST /v1/traces}, protobuf) and OTLP over gRPC ({@code TraceService/Export}). The OTLP bodies are read
 * field by field from the protobuf wire format, independently of the sidecar's encoder.
 */
final class SpanCollector implements AutoCloseable {

    /** One received span; {@code parentId} is empty for a root span. */
    record ReceivedSpan(String via, String service, String traceId, String id, String parentId, String name, String kind) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final Server server;

    SpanCollector() {
        server = Server.builder().http(0)
                .service("/api/v2/spans", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(agg -> {
                    zipkin(agg.contentUtf8());
                    return com.linecorp.armeria.common.AggregatedHttpResponse.of(HttpStatus.ACCEPTED).toHttpResponse();
                })))
                .service("/v1/traces", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(agg -> {
                    otlp("otlp-http", agg.content().array());
                    return com.linecorp.armeria.common.AggregatedHttpResponse.of(HttpStatus.OK).toHttpResponse();
                })))
                .service("/opentelemetry.proto.collector.trace.v1.TraceService/Export",
                        (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(agg -> {
                            byte[] framed = agg.content().array();
                            byte[] message = java.util.Arrays.copyOfRange(framed, 5, framed.length);
                            otlp("otlp-grpc", message);
                            return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                                    .contentType(MediaType.parse("application/grpc")).build(),
                                    HttpData.wrap(new byte[5]), HttpHeaders.of("grpc-status", "0"));
                        })))
                .build();
        server.start().join();
    }

    int port() {
        return server.activeLocalPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void zipkin(String body) {
        try {
            for (JsonNode s : JSON.readTree(body)) {
                spans.add(new ReceivedSpan("zipkin", s.path("localEndpoint").path("serviceName").asText(),
                        s.path("traceId").asText(), s.path("id").asText(), s.path("parentId").asText(""),
                        s.path("name").asText(), s.path("kind").asText("INTERNAL")));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ExportTraceServiceRequest: 1 resource_spans { 1 resource { 1 attributes }, 2 scope_spans { 2 spans } }. */
    private void otlp(String via, byte[] body) {
        try {
            for (ByteString resourceSpans : UnknownFieldSet.parseFrom(body).getField(1).getLengthDelimitedList()) {
                UnknownFieldSet rs = UnknownFieldSet.parseFrom(resourceSpans);
                String service = "";
                for (ByteString resource : rs.getField(1).getLengthDelimitedList()) {
                    for (ByteString kv : UnknownFieldSet.parseFrom(resource).getField(1).getLengthDelimitedList()) {
                        UnknownFieldSet attr = UnknownFieldSet.parseFrom(kv);
                        if (text(attr, 1).equals("service.name")) {
                            service = text(UnknownFieldSet.parseFrom(attr.getField(2).getLengthDelimitedList().getFirst()), 1);
                        }
                    }
                }
                for (ByteString scopeSpans : rs.getField(2).getLengthDelimitedList()) {
                    for (ByteString span : UnknownFieldSet.parseFrom(scopeSpans).getField(2).getLengthDelimitedList()) {
                        UnknownFieldSet s = UnknownFieldSet.parseFrom(span);
                        long kind = s.getField(6).getVarintList().isEmpty() ? 0 : s.getField(6).getVarintList().getFirst();
                        spans.add(new ReceivedSpan(via, service, hex(s, 1), hex(s, 2), hex(s, 4), text(s, 5),
                                List.of("UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER").get((int) kind)));
                    }
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(UnknownFieldSet set, int field) {
        List<ByteString> values = set.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.getFirst().toStringUtf8();
    }

    private static String hex(UnknownFieldSet set, int field) {
        List<ByteString> values = set.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.getFirst().toByteArray());
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
