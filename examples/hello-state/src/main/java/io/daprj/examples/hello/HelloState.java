package io.daprj.examples.hello;

import com.sun.net.httpserver.HttpServer;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.domain.HttpExtension;
import io.dapr.client.domain.State;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.Executors;

/**
 * Serves {@code /orders} on {@code APP_PORT} (default 8080), waits for its sidecar, then, as a self-demo, posts an
 * order to itself through the sidecar (service invocation) and reads it back. Exits 0 afterwards, or keeps serving
 * with {@code --serve}. The SDK finds the sidecar through {@code DAPR_HTTP_PORT}/{@code DAPR_GRPC_PORT}, which
 * {@code daprj run} (like {@code dapr run}) sets.
 */
public final class HelloState {

    private HelloState() {}

    public static void main(String[] args) throws Exception {
        boolean serve = Arrays.asList(args).contains("--serve");
        int port = Integer.parseInt(env("APP_PORT", "8080"));
        String appId = env("APP_ID", "hello");

        DaprClient dapr = new DaprClientBuilder().build();
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/orders", new OrdersHandler(dapr));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("hello-state: serving /orders on port " + port + " as app id '" + appId + "'");

        try {
            dapr.waitForSidecar(30_000).block();
            selfDemo(dapr, appId);
        } catch (RuntimeException e) {
            System.err.println("hello-state: self-demo failed: " + e);
            System.exit(1);
        }
        if (serve) {
            System.out.println("hello-state: serving until stopped (--serve)");
            return;
        }
        server.stop(0);
        dapr.close();
        System.exit(0);
    }

    /** Calls this very app through the sidecar, as another service would, then checks the store directly. */
    private static void selfDemo(DaprClient dapr, String appId) {
        Order order = new Order("42", "coffee", 2);
        Order saved = dapr.invokeMethod(appId, "orders", order, HttpExtension.POST, Order.class).block();
        System.out.println("hello-state: POST /orders through the sidecar -> " + saved);
        Order read = dapr.invokeMethod(appId, "orders/42", null, HttpExtension.GET, Order.class).block();
        System.out.println("hello-state: GET /orders/42 through the sidecar -> " + read);
        State<Order> stored = dapr.getState(OrdersHandler.STORE, "42", Order.class).block();
        if (stored == null || !order.equals(stored.getValue()) || !order.equals(read)) {
            throw new IllegalStateException("expected " + order + " back, got " + read + " / " + stored);
        }
        System.out.println("hello-state: state store '" + OrdersHandler.STORE + "' holds " + stored.getValue()
                + " (etag " + stored.getEtag() + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
