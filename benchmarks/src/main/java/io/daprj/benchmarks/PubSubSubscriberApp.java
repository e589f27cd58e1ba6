package io.daprj.benchmarks;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The app behind the subscriber sidecar: {@code GET /dapr/subscribe} lists one programmatic subscription per topic
 * (route {@code /events}), and every event POSTed there is handed to {@link PubSubDeliveries} and answered SUCCESS.
 * On Netty event loops, doing no other work, so the measurement is the delivery path.
 */
final class PubSubSubscriberApp implements AutoCloseable {

    private static final String SUCCESS = "{\"status\":\"SUCCESS\"}";

    private final Server server;

    private PubSubSubscriberApp(Server server) {
        this.server = server;
    }

    static PubSubSubscriberApp start(String pubsubName, List<String> topics, PubSubDeliveries deliveries) {
        String subscriptions = topics.stream()
                .map(t -> "{\"pubsubname\":\"" + pubsubName + "\",\"topic\":\"" + t + "\",\"route\":\"/events\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Server server = Server.builder()
                .http(0)
                .service("/dapr/subscribe", (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON, subscriptions))
                .service("/events", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(event -> {
                    deliveries.received(event.content().array());
                    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, SUCCESS);
                })))
                .build();
        server.start().join();
        return new PubSubSubscriberApp(server);
    }

    int port() {
        return server.activeLocalPort();
    }

    @Override
    public void close() {
        server.stop().join();
    }
}
