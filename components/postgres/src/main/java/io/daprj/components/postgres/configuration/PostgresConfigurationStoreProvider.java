package io.daprj.components.postgres.configuration;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.configuration.ConfigurationStore;
import java.util.List;

/** {@code configuration.postgresql} (alias {@code configuration.postgres}): {@link PostgresConfigurationStore}. */
public final class PostgresConfigurationStoreProvider implements ComponentProvider<ConfigurationStore> {

    @Override
    public String type() {
        return "configuration.postgresql";
    }

    @Override
    public List<String> aliases() {
        return List.of("configuration.postgres");
    }

    @Override
    public Class<ConfigurationStore> kind() {
        return ConfigurationStore.class;
    }

    @Override
    public ConfigurationStore create() {
        return new PostgresConfigurationStore();
    }
}
