package io.daprj.components.core.secretstores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.secretstores.SecretStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.secretstores.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSecretStoreConformanceTest extends SecretStoreConformance {

    private static final String JSON = """
            {"redisPassword": "pw", "connectionStrings": {"sql": "s1", "nested": {"deep": "d"}}, "port": 6379}
            """;

    @TempDir
    Path dir;

    private SecretStore open(String json, Map<String, String> extra) throws Exception {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, json);
        Map<String, String> props = new java.util.HashMap<>(extra);
        props.put("secretsFile", file.toString());
        LocalFileSecretStore store = new LocalFileSecretStore();
        store.init(ComponentMetadata.of("local", "secretstores.local.file", props));
        return store;
    }

    @Override
    protected SecretStore newStore() throws Exception {
        return open(JSON, Map.of());
    }

    @Override
    protected Map<String, Map<String, String>> expectedSecrets() {
        return Map.of("redisPassword", Map.of("redisPassword", "pw"),
                "connectionStrings:sql", Map.of("connectionStrings:sql", "s1"),
                "connectionStrings:nested:deep", Map.of("connectionStrings:nested:deep", "d"),
                "port", Map.of("port", "6379"));
    }

    @Test
    void nestedSeparatorIsConfigurable() throws Exception {
        assertThat(open(JSON, Map.of("nestedSeparator", ".")).get("connectionStrings.sql", Map.of()))
                .hasValue(Map.of("connectionStrings.sql", "s1"));
    }

    @Test
    void multiValuedGroupsKeysUnderTopLevelSecrets() throws Exception {
        SecretStore store = open(JSON, Map.of("multiValued", "true"));
        assertThat(store.multipleKeyValuesPerSecret()).isTrue();
        assertThat(store.get("connectionStrings", Map.of())).hasValue(Map.of("sql", "s1", "nested:deep", "d"));
        assertThat(store.get("redisPassword", Map.of())).hasValue(Map.of("redisPassword", "pw"));
    }

    @Test
    void missingFileFailsInitNamingIt() {
        LocalFileSecretStore store = new LocalFileSecretStore();
        assertThatThrownBy(() -> store.init(ComponentMetadata.of("s", "secretstores.local.file",
                Map.of("secretsFile", dir.resolve("nope.json").toString())))).hasMessageContaining("nope.json");
    }
}
