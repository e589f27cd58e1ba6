package io.daprj.components.core.bindings;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.bindings.Binding;

/** The providers of the bindings that need no server. */
public final class BindingProviders {

    private BindingProviders() {}

    /** {@code bindings.cron}. */
    public static final class Cron implements ComponentProvider<Binding> {
        @Override
        public String type() {
            return "bindings.cron";
        }

        @Override
        public Class<Binding> kind() {
            return Binding.class;
        }

        @Override
        public Binding create() {
            return new CronBinding();
        }
    }

    /** {@code bindings.http}. */
    public static final class Http implements ComponentProvider<Binding> {
        @Override
        public String type() {
            return "bindings.http";
        }

        @Override
        public Class<Binding> kind() {
            return Binding.class;
        }

        @Override
        public Binding create() {
            return new HttpOutputBinding();
        }
    }

    /** {@code bindings.localstorage}. */
    public static final class LocalStorage implements ComponentProvider<Binding> {
        @Override
        public String type() {
            return "bindings.localstorage";
        }

        @Override
        public Class<Binding> kind() {
            return Binding.class;
        }

        @Override
        public Binding create() {
            return new LocalStorageBinding();
        }
    }
}
