package io.daprj.runtime.tracing;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of spans with one HTTP POST each: OTLP over HTTP (protobuf body), OTLP over gRPC (a unary
 * {@code TraceService/Export} call on HTTP/2), or Zipkin v2 JSON. A failed export is logged and dropped, as
 * OpenTelemetry exporters do; it never blocks the calls being traced.
 */
final class HttpSpanExporter implements SpanExporter {

    private static final Logger log = LoggerFactory.getLogger(HttpSpanExporter.class);

    private final String what;
    private final URI uri;
    private final MediaType contentType;
    private final Map<String, String> headers;
    private final Function<Collection<SpanData>, byte[]> encoder;
    private final boolean grpcFraming;
    private final WebClient client;

    private HttpSpanExporter(String what, URI uri, MediaType contentType, Map<String, String> headers,
            Function<Collection<SpanData>, byte[]> encoder, boolean grpcFraming, Duration timeout) {
        this.what = what;
        this.uri = uri;
        this.contentType = contentType;
        this.headers = headers;
        this.encoder = encoder;
        this.grpcFraming = grpcFraming;
        String scheme = grpcFraming ? (uri.getScheme().equals("https") ? "h2" : "h2c") : uri.getScheme();
        this.client = WebClient.builder(scheme + "://" + uri.getRawAuthority()).responseTimeout(timeout).build();
    }

    static HttpSpanExporter otlp(TracingSpec.Otlp otlp) {
        URI uri = URI.create(otlp.url());
        return otlp.grpc()
                ? new HttpSpanExporter("OTLP/gRPC", uri, MediaType.parse("application/grpc"), otlp.headers(),
                        OtlpEncoder::encode, true, otlp.timeout())
                : new HttpSpanExporter("OTLP/HTTP", uri, MediaType.PROTOBUF, otlp.headers(), OtlpEncoder::encode, false,
                        otlp.timeout());
    }

    static HttpSpanExporter zipkin(String endpoint) {
        return new HttpSpanExporter("Zipkin", URI.create(endpoint), MediaType.JSON, Map.of(), ZipkinEncoder::encode, false,
                Duration.ofSeconds(10));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        byte[] body = encoder.apply(spans);
        if (grpcFraming) {
            body = ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(body.length).put(body).array();
        }
        com.linecorp.armeria.common.RequestHeadersBuilder h = RequestHeaders.builder(HttpMethod.POST, uri.getRawPath()).contentType(contentType);
        if (grpcFraming) {
            h.add("te", "trailers");
        }
        headers.forEach(h::add);
        CompletableResultCode result = new CompletableResultCode();
        client.execute(HttpRequest.of(h.build(), com.linecorp.armeria.common.HttpData.wrap(body))).aggregate()
                .whenComplete((response, error) -> {
                    if (error == null && succeeded(response)) {
                        result.succeed();
                    } else {
                        log.warn("{} export of {} spans to {} failed: {}", what, spans.size(), uri,
                                error != null ? error.toString() : response.status() + " " + grpcStatus(response));
                        result.fail();
                    }
                });
        return result;
    }

    private boolean succeeded(AggregatedHttpResponse response) {
        return response.status().isSuccess() && (!grpcFraming || "0".equals(grpcStatus(response)));
    }

    private static String grpcStatus(AggregatedHttpResponse response) {
        String status = response.trailers().get("grpc-status");
        return status != null ? status : response.headers().get("grpc-status", "");
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
