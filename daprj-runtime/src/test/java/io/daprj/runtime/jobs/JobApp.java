package io.daprj.runtime.jobs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/** An HTTP app recording each {@code POST /job/{name}} and answering with the status the test picks. */
final class JobApp implements AutoCloseable {

    record Call(String path, String contentType, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    JobApp(ToIntFunction<Call> status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Call call = new Call(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = 200;
            if ("POST".equals(exchange.getRequestMethod()) && call.path().startsWith("/job/")) {
                calls.add(call);
                code = status.applyAsInt(call);
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
    }

    JobApp() {
        this(c -> 200);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Call> calls(String name) {
        return calls.stream().filter(c -> c.path().equals("/job/" + name)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
