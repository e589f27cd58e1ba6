package io.daprj.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test app: answers every request with a text description of what it received (verb, path, query, the headers
 * named {@code dapr-*}, body); a path starting {@code /status/N} answers with status N.
 */
public final class EchoApp implements AutoCloseable {

    private final HttpServer server;

    public EchoApp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> dapr = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> {
                if (k.toLowerCase().startsWith("dapr-") || k.equalsIgnoreCase("x-custom")) {
                    dapr.put(k.toLowerCase(), String.join(",", v));
                }
            });
            String path = exchange.getRequestURI().getRawPath();
            String text = exchange.getRequestMethod() + " " + path + " ?" + exchange.getRequestURI().getRawQuery()
                    + " " + dapr + " body=" + new String(body, StandardCharsets.UTF_8);
            int status = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200;
            byte[] out = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.getResponseHeaders().add("X-App", "echo");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
