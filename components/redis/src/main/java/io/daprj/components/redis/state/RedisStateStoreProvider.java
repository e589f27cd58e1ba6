package io.daprj.components.redis.state;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.StateStore;

/** {@code state.redis}: {@link RedisStateStore}. */
public final class RedisStateStoreProvider implements ComponentProvider<StateStore> {

    @Override
    public String type() {
        return "state.redis";
    }

    @Override
    public Class<StateStore> kind() {
        return StateStore.class;
    }

    @Override
    public StateStore create() {
        return new RedisStateStore();
    }
}
