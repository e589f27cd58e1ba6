package io.daprj.components.kafka.pubsub;

import io.daprj.components.kafka.KafkaTestBroker;
import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka broker passes the pub/sub conformance suite on a real broker, order included (each test topic has one
 * partition, and Kafka keeps order per partition).
 */
@ExtendWith(KafkaTestBroker.class)
class KafkaPubSubConformanceTest extends PubSubConformance {

    private final String group = KafkaTestBroker.unique("conformance");

    @Override
    protected PubSub newPubSub() {
        KafkaPubSub pubsub = new KafkaPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.kafka",
                KafkaTestBroker.metadata(Map.of("consumerGroup", group, "consumeRetryInterval", "20ms"))));
        return pubsub;
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }
}
