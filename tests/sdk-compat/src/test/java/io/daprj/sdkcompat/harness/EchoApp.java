package io.daprj.sdkcompat.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP app invocations reach. {@code /status/{code}} answers that status with the text {@code app answered
 * {code}}; every other request is echoed back as an {@link EchoedRequest} JSON document with status 200.
 */
public final class EchoApp implements AutoCloseable {

    private static final Pattern STATUS_PATH = Pattern.compile("/status/(\\d{3})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private EchoApp(HttpServer server) {
        this.server = server;
    }

    public static EchoApp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", EchoApp::handle);
        server.start();
        return new EchoApp(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            Matcher status = STATUS_PATH.matcher(path);
            if (status.matches()) {
                respond(exchange, Integer.parseInt(status.group(1)), "text/plain", "app answered " + status.group(1));
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            EchoedRequest echo = new EchoedRequest(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), headers, body);
            respond(exchange, 200, "application/json", JSON.writeValueAsString(echo));
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.getResponseHeaders().put("Content-Type", List.of(contentType));
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
