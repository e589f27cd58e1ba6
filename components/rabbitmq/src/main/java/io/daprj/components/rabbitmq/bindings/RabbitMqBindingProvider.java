package io.daprj.components.rabbitmq.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** {@code bindings.rabbitmq}: {@link RabbitMqBinding}, input and output. */
public final class RabbitMqBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.rabbitmq";
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new RabbitMqBinding();
    }
}
