package io.daprj.components.core.pubsub;

import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;

/** The in-memory broker passes the pub/sub conformance suite, in order. */
class InMemoryPubSubConformanceTest extends PubSubConformance {

    @Override
    protected PubSub newPubSub() {
        InMemoryPubSub pubsub = new InMemoryPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.in-memory", Map.of("redeliveryInterval", "10ms")));
        return pubsub;
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }
}
