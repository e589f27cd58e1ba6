package io.daprj.components.postgres.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;
import java.util.List;

/** {@code bindings.postgresql} (alias {@code bindings.postgres}, as in Dapr): {@link PostgresOutputBinding}. */
public final class PostgresBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.postgresql";
    }

    @Override
    public List<String> aliases() {
        return List.of("bindings.postgres");
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new PostgresOutputBinding();
    }
}
