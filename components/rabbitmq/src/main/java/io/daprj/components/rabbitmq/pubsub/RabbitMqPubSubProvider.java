package io.daprj.components.rabbitmq.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.rabbitmq}: {@link RabbitMqPubSub}. */
public final class RabbitMqPubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.rabbitmq";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new RabbitMqPubSub();
    }
}
