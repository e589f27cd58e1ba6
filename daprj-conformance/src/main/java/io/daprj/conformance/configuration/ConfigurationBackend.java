package io.daprj.conformance.configuration;

import io.daprj.spi.configuration.ConfigurationItem;
import java.util.Collection;
import java.util.Map;

/**
 * Writes to a configuration store's backend directly, as an operator would: the configuration API has no writes.
 * Each store's conformance test provides one (Dapr's {@code configupdater}).
 */
public interface ConfigurationBackend {

    /** Adds the keys that are new and replaces the items of the others, each as one change the store can see. */
    void put(Map<String, ConfigurationItem> items) throws Exception;

    /** Removes the keys. */
    void delete(Collection<String> keys) throws Exception;
}
