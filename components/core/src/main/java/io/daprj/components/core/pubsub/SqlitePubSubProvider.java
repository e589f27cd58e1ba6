package io.daprj.components.core.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.sqlite}: {@link SqlitePubSub}, daprj's embedded default broker (Dapr has no such type). */
public final class SqlitePubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.sqlite";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new SqlitePubSub();
    }
}
