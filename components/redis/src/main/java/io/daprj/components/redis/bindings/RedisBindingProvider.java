package io.daprj.components.redis.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** {@code bindings.redis}: {@link RedisOutputBinding}. */
public final class RedisBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.redis";
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new RedisOutputBinding();
    }
}
