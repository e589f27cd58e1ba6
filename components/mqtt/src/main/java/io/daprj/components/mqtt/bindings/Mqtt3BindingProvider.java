package io.daprj.components.mqtt.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;
import java.util.List;

/** {@code bindings.mqtt3} (alias {@code bindings.mqtt}, as Dapr registers it): {@link Mqtt3Binding}, input and output. */
public final class Mqtt3BindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.mqtt3";
    }

    @Override
    public List<String> aliases() {
        return List.of("bindings.mqtt");
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new Mqtt3Binding();
    }
}
