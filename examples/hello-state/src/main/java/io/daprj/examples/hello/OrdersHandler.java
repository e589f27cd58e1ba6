package io.daprj.examples.hello;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.serializer.DefaultObjectSerializer;
import io.dapr.utils.TypeRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code POST /orders} saves an order to the state store; {@code GET /orders/{id}} reads it back. */
final class OrdersHandler implements HttpHandler {

    static final String STORE = "statestore";

    private final DaprClient dapr;
    private final DefaultObjectSerializer json = new DefaultObjectSerializer();

    OrdersHandler(DaprClient dapr) {
        this.dapr = dapr;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/orders")) {
                Order order = json.deserialize(exchange.getRequestBody().readAllBytes(), TypeRef.get(Order.class));
                if (order == null || order.id() == null || order.id().isBlank()) {
                    respond(exchange, 400, "{\"error\":\"an order needs an id\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                dapr.saveState(STORE, order.id(), order).block();
                respond(exchange, 201, json.serialize(order));
            } else if (method.equals("GET") && path.startsWith("/orders/")) {
                State<Order> state = dapr.getState(STORE, path.substring("/orders/".length()), Order.class).block();
                if (state == null || state.getValue() == null) {
                    respond(exchange, 404, "{\"error\":\"no such order\"}".getBytes(StandardCharsets.UTF_8));
                } else {
                    respond(exchange, 200, json.serialize(state.getValue()));
                }
            } else {
                respond(exchange, 404, "{\"error\":\"no such route\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            // the sidecar's error (a DaprException) goes back to the caller instead of a dropped connection
            respond(exchange, 500, ("{\"error\":" + quote(String.valueOf(e.getMessage())) + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
