package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A test HTTP app that subscribes: {@code GET /dapr/subscribe} answers the given JSON, every other request is
 * recorded by path and answered by {@code answer} (status and body), which sees how often the path was called.
 */
final class TestSubscriberApp implements AutoCloseable {

    /** One event the app received. */
    record Received(String path, String contentType, Map<String, List<String>> headers, JsonNode body) {}

    /** What the app answers: an HTTP status and a body. */
    record Answer(int status, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final List<String> subscribeHeaders = new CopyOnWriteArrayList<>();

    TestSubscriberApp(String subscriptions, Function<Received, Answer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer a;
            if (path.equals("/dapr/subscribe")) {
                subscribeHeaders.add(exchange.getRequestHeaders().getFirst("dapr-app-id"));
                a = new Answer(200, subscriptions);
            } else {
                Received r = new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"),
                        Map.copyOf(exchange.getRequestHeaders()), body.length == 0 ? null : JSON.readTree(body));
                received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(r);
                a = answer.apply(r);
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // concurrent deliveries are served at once
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> at(String path) {
        return received.getOrDefault(path, List.of());
    }

    /** The {@code dapr-app-id} header of each {@code GET /dapr/subscribe}. */
    List<String> subscribeCalls() {
        return subscribeHeaders;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
