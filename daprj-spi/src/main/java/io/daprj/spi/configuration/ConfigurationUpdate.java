package io.daprj.spi.configuration;

import java.util.Map;
import java.util.Objects;

/**
 * A change a subscription saw, after Dapr's {@code configuration.UpdateEvent}.
 *
 * @param subscriptionId the id {@link ConfigurationStore#subscribe} returned
 * @param items the changed keys with their new items ({@link ConfigurationItem#EMPTY} or the last row for a deleted
 *     key, as the store can tell); never empty
 */
public record ConfigurationUpdate(String subscriptionId, Map<String, ConfigurationItem> items) {

    public ConfigurationUpdate {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        items = Map.copyOf(Objects.requireNonNull(items, "items"));
    }
}
