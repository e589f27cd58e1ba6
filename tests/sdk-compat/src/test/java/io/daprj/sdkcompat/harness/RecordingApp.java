package io.daprj.sdkcompat.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;

/**
 * The HTTP app that events reach: it lists its pub/sub subscriptions on {@code GET /dapr/subscribe} (404 when it
 * has none), accepts every {@code OPTIONS} (so the sidecar delivers any input binding to it), and records every
 * other request as an {@link EchoedRequest}, answering it with the status {@code statusOfCall} gives for the
 * call's number (1-based).
 */
public final class RecordingApp implements AutoCloseable {

    private final HttpServer server;
    private final String subscriptions;
    private final IntUnaryOperator statusOfCall;
    private final List<EchoedRequest> received = new CopyOnWriteArrayList<>();

    private RecordingApp(HttpServer server, String subscriptions, IntUnaryOperator statusOfCall) {
        this.server = server;
        this.subscriptions = subscriptions;
        this.statusOfCall = statusOfCall;
    }

    /**
     * @param subscriptions the JSON array {@code GET /dapr/subscribe} answers, or null for none
     * @param statusOfCall the HTTP status of the n-th recorded request
     */
    public static RecordingApp start(String subscriptions, IntUnaryOperator statusOfCall) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        RecordingApp app = new RecordingApp(server, subscriptions, statusOfCall);
        server.createContext("/", app::handle);
        server.start();
        return app;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The requests recorded so far, in arrival order. */
    public List<EchoedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (method.equals("GET") && path.equals("/dapr/subscribe")) {
                respond(exchange, subscriptions == null ? 404 : 200, subscriptions == null ? "" : subscriptions);
                return;
            }
            if (method.equals("OPTIONS") || method.equals("GET") && path.equals("/dapr/config")) {
                respond(exchange, method.equals("OPTIONS") ? 200 : 404, "");
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            received.add(new EchoedRequest(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
            respond(exchange, statusOfCall.applyAsInt(received.size()), "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
