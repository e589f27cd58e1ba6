package io.daprj.components.core.secretstores;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.secretstores.SecretStore;

/** The providers of the two local secret stores. */
public final class SecretStoreProviders {

    private SecretStoreProviders() {}

    /** {@code secretstores.local.file}. */
    public static final class LocalFile implements ComponentProvider<SecretStore> {
        @Override
        public String type() {
            return "secretstores.local.file";
        }

        @Override
        public Class<SecretStore> kind() {
            return SecretStore.class;
        }

        @Override
        public SecretStore create() {
            return new LocalFileSecretStore();
        }
    }

    /** {@code secretstores.local.env}. */
    public static final class LocalEnv implements ComponentProvider<SecretStore> {
        @Override
        public String type() {
            return "secretstores.local.env";
        }

        @Override
        public Class<SecretStore> kind() {
            return SecretStore.class;
        }

        @Override
        public SecretStore create() {
            return new LocalEnvSecretStore();
        }
    }
}
