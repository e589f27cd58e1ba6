package io.daprj.components.mqtt.bindings;

import io.daprj.components.mqtt.MosquittoTestBroker;
import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The MQTT binding passes the bindings conformance suite on Mosquitto as input and output ({@code create}). The read
 * cases need events: while a test runs, another client publishes to the binding's topic every 200 ms.
 */
class Mqtt3BindingConformanceTest extends BindingConformance {

    private static final MosquittoTestBroker BROKER = new MosquittoTestBroker();

    private Thread ticker;
    private volatile boolean ticking;

    @AfterAll
    static void discardSessions() {
        BROKER.close();
    }

    @Override
    protected Binding newBinding() {
        String id = BROKER.newClientId("binding", "-consumer", "-producer");
        String topic = id + "/events";
        Mqtt3Binding binding = new Mqtt3Binding();
        binding.init(ComponentMetadata.of("mqtt", "bindings.mqtt3",
                Map.of("url", MosquittoTestBroker.URL, "topic", topic, "consumerID", id)));
        ticking = true;
        ticker = Thread.ofVirtual().start(() -> {
            for (int i = 0; ticking; i++) {
                try {
                    BROKER.publish(topic, ("tick-" + i).getBytes(StandardCharsets.UTF_8), false);
                    Thread.sleep(200);
                } catch (Exception e) {
                    // the broker refused one tick; the next may pass
                }
            }
        });
        return binding;
    }

    @AfterEach
    void stopTicker() throws InterruptedException {
        ticking = false;
        ticker.join();
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("read", "operations", "create");
    }
}
