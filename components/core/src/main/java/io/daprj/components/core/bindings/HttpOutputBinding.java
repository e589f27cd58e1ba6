package io.daprj.components.core.bindings;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bindings.http}: each operation is an HTTP verb sent to {@code url} ({@code create} is POST), with request
 * metadata {@code path} appended to the URL and every metadata key starting with an upper-case letter sent as a
 * header. The response carries Dapr's metadata: {@code statusCode}, {@code status} and each response header by its
 * canonical name. A non-2xx answer fails the call unless {@code errorIfNot2XX} is false (in the component or the
 * request). Thread safe: the JDK client is shared.
 */
public final class HttpOutputBinding implements OutputBinding {

    private static final List<String> OPERATIONS =
            List.of("create", "get", "head", "post", "put", "patch", "delete", "options", "trace");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Dapr's metadata for this binding (mTLS options are not supported). */
    record Metadata(
            String url,
            Optional<Duration> responseTimeout,
            @DefaultValue("100Mi") String maxResponseBodySize,
            @DefaultValue("true") boolean errorIfNot2XX,
            Optional<String> securityToken,
            Optional<String> securityTokenHeader) {}

    private Metadata metadata;
    private HttpClient client;
    private long maxBody;

    @Override
    public void init(ComponentMetadata component) {
        metadata = component.bind(Metadata.class);
        URI.create(metadata.url()); // fails init on a malformed url
        maxBody = byteSize(metadata.maxResponseBodySize());
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Override
    public List<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> request) {
        String url = metadata.url();
        String path = request.getOrDefault("path", "");
        if (!path.isEmpty()) {
            url = url.replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
        }
        boolean errorIfNot2XX = request.containsKey("errorIfNot2XX") && !request.get("errorIfNot2XX").isEmpty()
                ? truthy(request.get("errorIfNot2XX")) : metadata.errorIfNot2XX();
        String method = operation.toUpperCase(Locale.ROOT).equals("CREATE") ? "POST" : operation.toUpperCase(Locale.ROOT);
        boolean withBody = WITH_BODY.contains(method);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(url)).method(method, withBody
                ? HttpRequest.BodyPublishers.ofByteArray(data) : HttpRequest.BodyPublishers.noBody());
        metadata.responseTimeout().ifPresent(http::timeout);
        if (withBody && !request.containsKey("Content-Type")) {
            http.setHeader("Content-Type", "application/json; charset=utf-8");
        }
        if (!request.containsKey("Accept")) {
            http.setHeader("Accept", "application/json; charset=utf-8");
        }
        if (metadata.securityToken().isPresent() && metadata.securityTokenHeader().isPresent()) {
            http.setHeader(metadata.securityTokenHeader().get(), metadata.securityToken().get());
        }
        request.forEach((k, v) -> {
            boolean trace = k.equals("traceparent") || k.equals("tracestate") || k.equals("baggage");
            if (!k.isEmpty() && (Character.isUpperCase(k.charAt(0)) || trace) && !v.isEmpty()
                    && !RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                http.setHeader(k, v);
            }
        });
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + url, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("statusCode", Integer.toString(response.statusCode()));
        out.put("status", response.statusCode() + " " + HttpStatusText.of(response.statusCode()));
        response.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":")) {
                out.put(canonical(k), String.join(", ", v));
            }
        });
        if (errorIfNot2XX && response.statusCode() / 100 != 2) {
            throw new BindingInvokeException("received status code " + response.statusCode(), out);
        }
        return Optional.of(BindingResponse.of(body, out));
    }

    /** Go's {@code CanonicalHeaderKey}: {@code content-type} becomes {@code Content-Type}. */
    static String canonical(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        boolean upper = true;
        for (char c : header.toCharArray()) {
            sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return sb.toString();
    }

    /** A Kubernetes-style quantity such as {@code 100Mi}, {@code 2M} or a plain number of bytes; 0 or less is no limit. */
    static long byteSize(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(Ki|Mi|Gi|Ti|K|k|M|G|T)?").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid value for maxResponseBodySize: '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "K", "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            default -> 1_000_000_000_000L;
        };
        long bytes = n * unit;
        return bytes <= 0 ? Integer.MAX_VALUE - 8 : bytes;
    }

    /** Go's {@code IsTruthy}. */
    private static boolean truthy(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "t", "on", "1" -> true;
            default -> false;
        };
    }
}
