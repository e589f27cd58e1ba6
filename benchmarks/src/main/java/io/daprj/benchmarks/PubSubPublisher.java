package io.daprj.benchmarks;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Publishes one message; the future completes once the broker (or the sidecar, for the broker) accepted it. */
@FunctionalInterface
interface PubSubPublisher {

    CompletableFuture<?> publish(String topic, byte[] payload);

    /** {@code POST /v1.0/publish/<pubsub>/<topic>} (JSON, over HTTP/1.1) to a sidecar; 204 is success. */
    static PubSubPublisher throughSidecar(int httpPort, String pubsubName) {
        WebClient client = WebClient.builder("h1c://127.0.0.1:" + httpPort).responseTimeout(Duration.ofSeconds(10))
                .build();
        return (topic, payload) -> client
                .execute(HttpRequest.of(HttpMethod.POST, "/v1.0/publish/" + pubsubName + "/" + topic, MediaType.JSON,
                        payload))
                .aggregate()
                .thenApply(response -> InvocationTargets.requireStatus(response, 204, 0));
    }
}
