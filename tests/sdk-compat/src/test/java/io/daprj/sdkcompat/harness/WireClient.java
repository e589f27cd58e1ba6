package io.daprj.sdkcompat.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP/1.1 requests to a sidecar's HTTP API, to check the wire itself: statuses, headers, exact bodies. */
public final class WireClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    WireClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headerPairs) {
        return send("GET", pathAndQuery, null, headerPairs);
    }

    public HttpResponse<String> post(String pathAndQuery, String body, String... headerPairs) {
        return send("POST", pathAndQuery, body, headerPairs);
    }

    public HttpResponse<String> put(String pathAndQuery, String body, String... headerPairs) {
        return send("PUT", pathAndQuery, body, headerPairs);
    }

    public HttpResponse<String> delete(String pathAndQuery, String... headerPairs) {
        return send("DELETE", pathAndQuery, null, headerPairs);
    }

    /** Sends one request; {@code headerPairs} alternate name and value. */
    public HttpResponse<String> send(String method, String pathAndQuery, String body, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headerPairs.length % 2 != 0) {
            throw new IllegalArgumentException("headerPairs: " + headerPairs.length + " strings (expected: name, value pairs)");
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
