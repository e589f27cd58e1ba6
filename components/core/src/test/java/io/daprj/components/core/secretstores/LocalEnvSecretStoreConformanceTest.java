package io.daprj.components.core.secretstores;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.conformance.secretstores.SecretStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.secretstores.SecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEnvSecretStoreConformanceTest extends SecretStoreConformance {

    private static final Map<String, String> ENV = Map.of("DB_PASSWORD", "pw", "APP_TOKEN", "t");

    @Override
    protected SecretStore newStore() {
        LocalEnvSecretStore store = new LocalEnvSecretStore(ENV);
        store.init(ComponentMetadata.of("env", "secretstores.local.env", Map.of()));
        return store;
    }

    @Override
    protected Map<String, Map<String, String>> expectedSecrets() {
        return Map.of("DB_PASSWORD", Map.of("DB_PASSWORD", "pw"), "APP_TOKEN", Map.of("APP_TOKEN", "t"));
    }

    @Test
    void prefixLimitsAndStripsNames() {
        LocalEnvSecretStore store = new LocalEnvSecretStore(ENV);
        store.init(ComponentMetadata.of("env", "secretstores.local.env", Map.of("prefix", "DB_")));
        assertThat(store.get("PASSWORD", Map.of())).hasValue(Map.of("PASSWORD", "pw"));
        assertThat(store.get("APP_TOKEN", Map.of())).isEmpty();
        assertThat(store.bulkGet(Map.of())).containsOnlyKeys("PASSWORD");
    }
}
