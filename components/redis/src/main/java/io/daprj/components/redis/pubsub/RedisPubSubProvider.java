package io.daprj.components.redis.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;

/** {@code pubsub.redis}: {@link RedisPubSub}, on Redis Streams. */
public final class RedisPubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.redis";
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new RedisPubSub();
    }
}
