package io.daprj.conformance.secretstores;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.secretstores.SecretStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every secret store must do. A subclass returns a store, initialised so that it holds the secrets of
 * {@link #expectedSecrets()} (at least one), and names one secret that does not exist.
 */
public abstract class SecretStoreConformance {

    private SecretStore store;

    /** A new store holding at least {@link #expectedSecrets()}. */
    protected abstract SecretStore newStore() throws Exception;

    /** Secrets the store holds: name to key/value pairs. */
    protected abstract Map<String, Map<String, String>> expectedSecrets();

    protected String missingSecretName() {
        return "daprj-conformance-no-such-secret";
    }

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void getReturnsEveryKeyOfAKnownSecret() {
        expectedSecrets().forEach((name, values) ->
                assertThat(store.get(name, Map.of())).as("secret %s", name).hasValue(values));
    }

    @Test
    void getOfAnUnknownSecretIsEmpty() {
        assertThat(store.get(missingSecretName(), Map.of())).isEmpty();
    }

    @Test
    void bulkGetContainsEveryKnownSecret() {
        Map<String, Map<String, String>> all = store.bulkGet(Map.of());
        expectedSecrets().forEach((name, values) -> assertThat(all).containsEntry(name, values));
        assertThat(all).doesNotContainKey(missingSecretName());
    }

    @Test
    void singleValuedStoresKeyTheValueByTheSecretName() {
        if (store.multipleKeyValuesPerSecret()) {
            return;
        }
        expectedSecrets().forEach((name, values) -> assertThat(values).containsOnlyKeys(name));
    }
}
