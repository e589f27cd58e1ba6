package io.daprj.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app behind the soak's callee sidecar: {@code POST /echo} answers with the request body, {@code GET
 * /dapr/subscribe} subscribes {@code /events} to the soak topic, and {@code POST /events} records the sequence number
 * {@code n} of each CloudEvent's data ({@code {"n":<long>}}) and answers 200.
 */
final class SoakApp implements AutoCloseable {

    static final String PUBSUB = "pubsub";
    static final String TOPIC = "soak";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<Long> received = ConcurrentHashMap.newKeySet();
    private final Server server;

    SoakApp() {
        server = Server.builder()
                .http(0)
                .service("/" + EchoApp.METHOD, (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(body ->
                        HttpResponse.of(HttpStatus.OK, MediaType.OCTET_STREAM, body.content()))))
                .service("/dapr/subscribe", (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON,
                        "[{\"pubsubname\":\"" + PUBSUB + "\",\"topic\":\"" + TOPIC + "\",\"route\":\"/events\"}]"))
                .service("/events", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(body -> {
                    try {
                        JsonNode event = JSON.readTree(body.contentUtf8());
                        received.add(event.path("data").path("n").asLong(-1));
                        return HttpResponse.of(HttpStatus.OK);
                    } catch (java.io.IOException e) {
                        return HttpResponse.of(HttpStatus.BAD_REQUEST);
                    }
                })))
                .build();
        server.start().join();
    }

    int port() {
        return server.activeLocalPort();
    }

    boolean received(long n) {
        return received.contains(n);
    }

    int receivedCount() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
