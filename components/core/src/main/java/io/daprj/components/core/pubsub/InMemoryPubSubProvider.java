package io.daprj.components.core.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.in-memory}: {@link InMemoryPubSub}. */
public final class InMemoryPubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.in-memory";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new InMemoryPubSub();
    }
}
