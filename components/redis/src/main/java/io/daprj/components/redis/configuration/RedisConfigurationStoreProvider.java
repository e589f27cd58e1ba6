package io.daprj.components.redis.configuration;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.configuration.ConfigurationStore;

/** {@code configuration.redis}: {@link RedisConfigurationStore}. */
public final class RedisConfigurationStoreProvider implements ComponentProvider<ConfigurationStore> {

    @Override
    public String type() {
        return "configuration.redis";
    }

    @Override
    public Class<ConfigurationStore> kind() {
        return ConfigurationStore.class;
    }

    @Override
    public ConfigurationStore create() {
        return new RedisConfigurationStore();
    }
}
