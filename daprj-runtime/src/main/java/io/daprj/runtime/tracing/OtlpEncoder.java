package io.daprj.runtime.tracing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes spans as an OTLP {@code ExportTraceServiceRequest} (opentelemetry/proto/collector/trace/v1), field by
 * field: resource spans per service, one scope, each span with ids, name, kind, times, attributes and status.
 */
final class OtlpEncoder {

    private OtlpEncoder() {}

    static byte[] encode(Collection<SpanData> spans) {
        Map<Attributes, List<SpanData>> byResource = spans.stream()
                .collect(Collectors.groupingBy(s -> s.getResource().getAttributes()));
        return message(out -> {
            for (Map.Entry<Attributes, List<SpanData>> entry : byResource.entrySet()) {
                out.writeByteArray(1, resourceSpans(entry.getKey(), entry.getValue()));
            }
        });
    }

    private static byte[] resourceSpans(Attributes resource, List<SpanData> spans) {
        return message(out -> {
            out.writeByteArray(1, message(r -> writeAttributes(r, 1, resource)));
            out.writeByteArray(2, message(scope -> {
                scope.writeByteArray(1, message(s -> s.writeString(1, "daprj")));
                for (SpanData span : spans) {
                    scope.writeByteArray(2, span(span));
                }
            }));
        });
    }

    private static byte[] span(SpanData span) {
        return message(out -> {
            out.writeBytes(1, ByteString.copyFrom(HexFormat.of().parseHex(span.getTraceId())));
            out.writeBytes(2, ByteString.copyFrom(HexFormat.of().parseHex(span.getSpanId())));
            if (!span.getSpanContext().getTraceState().isEmpty()) {
                out.writeString(3, W3c.traceState(span.getSpanContext().getTraceState()));
            }
            if (span.getParentSpanContext().isValid()) {
                out.writeBytes(4, ByteString.copyFrom(HexFormat.of().parseHex(span.getParentSpanId())));
            }
            out.writeString(5, span.getName());
            out.writeEnum(6, span.getKind().ordinal() + 1);
            out.writeFixed64(7, span.getStartEpochNanos());
            out.writeFixed64(8, span.getEndEpochNanos());
            writeAttributes(out, 9, span.getAttributes());
            StatusCode code = span.getStatus().getStatusCode();
            if (code != StatusCode.UNSET) {
                out.writeByteArray(15, message(s -> {
                    if (!span.getStatus().getDescription().isEmpty()) {
                        s.writeString(2, span.getStatus().getDescription());
                    }
                    s.writeEnum(3, code == StatusCode.OK ? 1 : 2);
                }));
            }
            out.writeFixed32(16, span.getSpanContext().getTraceFlags().asByte() & 0xff);
        });
    }

    private static void writeAttributes(CodedOutputStream out, int field, Attributes attributes) throws IOException {
        for (Map.Entry<AttributeKey<?>, Object> a : attributes.asMap().entrySet()) {
            Object value = a.getValue();
            out.writeByteArray(field, message(kv -> {
                kv.writeString(1, a.getKey().getKey());
                kv.writeByteArray(2, message(v -> {
                    switch (value) {
                        case Boolean b -> v.writeBool(2, b);
                        case Long l -> v.writeInt64(3, l);
                        case Double d -> v.writeDouble(4, d);
                        default -> v.writeString(1, String.valueOf(value));
                    }
                }));
            }));
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
