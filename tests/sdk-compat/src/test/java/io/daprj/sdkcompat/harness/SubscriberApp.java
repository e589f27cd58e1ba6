package io.daprj.sdkcompat.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP app subscribed the programmatic way: {@code GET /dapr/subscribe} lists its {@link Topic}s, and each topic's
 * route records the CloudEvents the sidecar posts. The first {@code refuseFirst} deliveries to a route are answered
 * 500 (daprd's RETRY), every later one {@code {"status":"SUCCESS"}}.
 */
public final class SubscriberApp implements AutoCloseable {

    /** One subscription: the component, the topic, and the app route events arrive on. */
    public record Topic(String pubsubName, String topic, String route) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Topic> topics;
    private final int refuseFirst;
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private SubscriberApp(List<Topic> topics, int refuseFirst) throws IOException {
        this.topics = List.copyOf(topics);
        this.refuseFirst = refuseFirst;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        for (Topic topic : topics) {
            received.put(topic.route(), new CopyOnWriteArrayList<>());
            calls.put(topic.route(), new AtomicInteger());
        }
    }

    public static SubscriberApp start(int refuseFirst, Topic... topics) throws IOException {
        SubscriberApp app = new SubscriberApp(List.of(topics), refuseFirst);
        app.server.start();
        return app;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The CloudEvents the app accepted on {@code route}, in arrival order. */
    public List<JsonNode> accepted(String route) {
        return received.get(route);
    }

    /** Every delivery to {@code route}, refused ones included. */
    public int deliveries(String route) {
        return calls.get(route).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET") && path.equals("/dapr/subscribe")) {
                ArrayNode list = JSON.createArrayNode();
                topics.forEach(t -> list.addObject().put("pubsubname", t.pubsubName()).put("topic", t.topic())
                        .put("route", t.route()));
                respond(exchange, 200, JSON.writeValueAsString(list));
            } else if (received.containsKey(path)) {
                if (calls.get(path).incrementAndGet() <= refuseFirst) {
                    respond(exchange, 500, "{\"error\":\"not yet\"}");
                    return;
                }
                received.get(path).add(JSON.readTree(body));
                respond(exchange, 200, "{\"status\":\"SUCCESS\"}");
            } else {
                respond(exchange, 404, "{}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
