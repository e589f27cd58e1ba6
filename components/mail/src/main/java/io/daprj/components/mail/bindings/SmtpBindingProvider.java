package io.daprj.components.mail.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** {@code bindings.smtp}: {@link SmtpOutputBinding}. */
public final class SmtpBindingProvider implements ComponentProvider<Binding> {

    @Override
    public String type() {
        return "bindings.smtp";
    }

    @Override
    public Class<Binding> kind() {
        return Binding.class;
    }

    @Override
    public Binding create() {
        return new SmtpOutputBinding();
    }
}
