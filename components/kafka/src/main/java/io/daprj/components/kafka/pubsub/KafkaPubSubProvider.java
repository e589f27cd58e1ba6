package io.daprj.components.kafka.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.kafka}: {@link KafkaPubSub}. */
public final class KafkaPubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.kafka";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new KafkaPubSub();
    }
}
