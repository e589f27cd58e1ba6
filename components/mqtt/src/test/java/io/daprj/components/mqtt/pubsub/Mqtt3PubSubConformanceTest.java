package io.daprj.components.mqtt.pubsub;

import io.daprj.components.mqtt.MosquittoTestBroker;
import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * The MQTT broker passes the pub/sub conformance suite on Mosquitto, each component with a client id of its own and a
 * kept session (the default). Failed messages come again through the component's local retries (100 ms apart here),
 * and first deliveries keep publish order: Mosquitto sends one client's QoS 1 messages of a topic in order.
 */
class Mqtt3PubSubConformanceTest extends PubSubConformance {

    private static final MosquittoTestBroker BROKER = new MosquittoTestBroker();

    @AfterAll
    static void discardSessions() {
        BROKER.close();
    }

    @Override
    protected PubSub newPubSub() {
        Mqtt3PubSub pubsub = new Mqtt3PubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.mqtt3", Map.of("url", MosquittoTestBroker.URL,
                "consumerID", BROKER.newClientId("conformance"), "backOffDuration", "100ms")));
        return pubsub;
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of(PubSubFeature.SUBSCRIBE_WILDCARDS);
    }
}
