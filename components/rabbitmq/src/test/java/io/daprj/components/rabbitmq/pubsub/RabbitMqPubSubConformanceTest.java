package io.daprj.components.rabbitmq.pubsub;

import io.daprj.components.rabbitmq.RabbitMqTestBroker;
import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;

/**
 * The RabbitMQ broker passes the pub/sub conformance suite on this machine's server. One message at a time keeps
 * queue order; the queues (of a consumer id unique to this run) are deleted with their last consumer.
 */
class RabbitMqPubSubConformanceTest extends PubSubConformance {

    private static final String CONSUMER = RabbitMqTestBroker.unique("conformance");

    @Override
    protected PubSub newPubSub() {
        RabbitMqPubSub pubsub = new RabbitMqPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.rabbitmq", Map.of(
                "connectionString", RabbitMqTestBroker.URI,
                "consumerID", CONSUMER,
                "durable", "false",
                "deletedWhenUnused", "true",
                "concurrencyMode", "single",
                "reconnectWaitSeconds", "1")));
        return pubsub;
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of(PubSubFeature.MESSAGE_TTL);
    }
}
