package io.daprj.spi.secretstores;

import io.daprj.spi.Component;
import java.util.Map;
import java.util.Optional;

/**
 * Reads secrets. Thread safe after init.
 *
 * <p>Failure: an unknown secret is an empty result, never an exception; an exception means the store failed.
 */
public interface SecretStore extends Component {

    /** The key/value pairs of secret {@code name}, empty when there is no such secret. */
    Optional<Map<String, String>> get(String name, Map<String, String> metadata);

    /** Every secret this store holds, by name. */
    Map<String, Map<String, String>> bulkGet(Map<String, String> metadata);

    /** True when one secret may hold several key/value pairs ({@code MULTIPLE_KEY_VALUES_PER_SECRET}). */
    default boolean multipleKeyValuesPerSecret() {
        return false;
    }
}
