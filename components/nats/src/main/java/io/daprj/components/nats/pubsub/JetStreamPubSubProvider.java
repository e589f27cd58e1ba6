package io.daprj.components.nats.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.jetstream}: {@link JetStreamPubSub}, on NATS JetStream. */
public final class JetStreamPubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.jetstream";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new JetStreamPubSub();
    }
}
