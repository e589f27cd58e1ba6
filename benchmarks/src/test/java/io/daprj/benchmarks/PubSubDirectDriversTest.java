package io.daprj.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broker's direct path against this machine's server: what it publishes, its consumer receives. A broker whose
 * server is down is skipped, with the reason.
 */
class PubSubDirectDriversTest {

    static Stream<String> brokersWithAClient() {
        return PubSubBroker.all().stream().filter(b -> b.direct().isPresent()).map(PubSubBroker::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokersWithAClient")
    void everyPublishedMessageIsConsumed(String name) throws Exception {
        PubSubBroker broker = PubSubBroker.all().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        Assumptions.assumeTrue(broker.serverDown().isEmpty(), () -> broker.name() + ": " + broker.serverDown().get());
        String topic = "bench-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        PubSubDeliveries deliveries = new PubSubDeliveries();
        try (PubSubDirectDriver driver = broker.direct().get().open()) {
            driver.subscribe(topic, deliveries::received);
            List<CompletableFuture<Void>> delivered = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                PubSubDeliveries.Pending message = deliveries.next();
                delivered.add(message.delivered());
                driver.publish(topic, message.payload()).get(10, TimeUnit.SECONDS);
            }
            CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(delivered).allMatch(CompletableFuture::isDone);
        }
    }
}
