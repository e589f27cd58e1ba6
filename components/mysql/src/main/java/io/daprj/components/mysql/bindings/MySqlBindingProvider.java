package io.daprj.components.mysql.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** {@code bindings.mysql}: {@link MySqlOutputBinding}. */
public final class MySqlBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.mysql";
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new MySqlOutputBinding();
    }
}
