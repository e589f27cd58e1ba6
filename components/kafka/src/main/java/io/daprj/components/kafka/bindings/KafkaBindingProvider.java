package io.daprj.components.kafka.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** {@code bindings.kafka}: {@link KafkaBinding}, input and output. */
public final class KafkaBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.kafka";
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new KafkaBinding();
    }
}
