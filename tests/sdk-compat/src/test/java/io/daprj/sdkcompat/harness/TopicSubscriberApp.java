package io.daprj.sdkcompat.harness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A pub/sub subscriber app as Dapr expects one over HTTP: {@code GET /dapr/subscribe} answers the subscriptions it was
 * given (a JSON array, Dapr's programmatic format), and every {@code POST} to another path is an event, answered
 * {@code 200 {"status": <verdict>}} with the verdict the {@link Handler} returns. Outlives any number of sidecars.
 */
public final class TopicSubscriberApp implements AutoCloseable {

    /** Decides the verdict ({@code SUCCESS}, {@code RETRY} or {@code DROP}) for one delivered event; thread safe. */
    @FunctionalInterface
    public interface Handler {
        String onEvent(String path, JsonNode cloudEvent);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private TopicSubscriberApp(HttpServer server) {
        this.server = server;
    }

    /** Starts the app on a free loopback port; {@code GET /dapr/subscribe} answers {@code subscriptionsJson}. */
    public static TopicSubscriberApp start(String subscriptionsJson, Handler handler) throws IOException {
        requireNonNull(handler, "handler");
        if (!JSON.readTree(requireNonNull(subscriptionsJson, "subscriptionsJson")).isArray()) {
            throw new IllegalArgumentException("subscriptionsJson: " + subscriptionsJson + " (expected: a JSON array)");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> handle(exchange, subscriptionsJson, handler));
        server.start();
        return new TopicSubscriberApp(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange, String subscriptions, Handler handler) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals("/dapr/subscribe")) {
                respond(exchange, 200, subscriptions);
            } else if (exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 200, "{\"status\":\"" + verdict(handler, path, body) + "\"}");
            } else {
                respond(exchange, 404, "{}"); // the sidecar probes optional routes such as /dapr/config
            }
        }
    }

    private static String verdict(Handler handler, String path, byte[] body) {
        try {
            return handler.onEvent(path, JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            // RETRY is what the sidecar would make of a failing app; the test sees the cause in its output
            System.err.println("TopicSubscriberApp: the handler failed on " + path + ": " + e);
            return "RETRY";
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
