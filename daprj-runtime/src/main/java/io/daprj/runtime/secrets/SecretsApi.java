package io.daprj.runtime.secrets;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.runtime.resources.SecretScope;
import io.daprj.spi.secretstores.SecretStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads secrets for the app, within the Configuration's secret scopes. */
public final class SecretsApi {

    private final ComponentStore components;
    private final Map<String, SecretScope> scopes;

    public SecretsApi(ComponentStore components, Map<String, SecretScope> scopes) {
        this.components = components;
        this.scopes = Map.copyOf(scopes);
    }

    /** The key/value pairs of one secret. */
    public Map<String, String> get(String storeName, String key, Map<String, String> metadata) {
        SecretStore store = store(storeName);
        if (!allowed(storeName, key)) {
            throw DaprError.ERR_PERMISSION_DENIED.with("access denied by policy to get \"" + key + "\" from \"" + storeName + "\"");
        }
        try {
            return components.outbound(storeName, ComponentKind.SECRETSTORE, "get", () -> store.get(key, metadata))
                    .orElseThrow(() -> DaprError.ERR_SECRET_GET.with(
                    "failed getting secret with key " + key + " from secret store " + storeName + ": secret " + key + " not found"));
        } catch (io.daprj.runtime.errors.DaprException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DaprError.ERR_SECRET_GET.with("failed getting secret with key " + key + " from secret store " + storeName
                    + ": " + e.getMessage());
        }
    }

    /** Every secret of the store that the scopes allow; denied ones are left out silently, as in daprd. */
    public Map<String, Map<String, String>> bulkGet(String storeName, Map<String, String> metadata) {
        SecretStore store = store(storeName);
        Map<String, Map<String, String>> all;
        try {
            all = components.outbound(storeName, ComponentKind.SECRETSTORE, "bulk_get", () -> store.bulkGet(metadata));
        } catch (RuntimeException e) {
            throw DaprError.ERR_SECRET_GET.with("failed getting secrets from secret store " + storeName + ": " + e.getMessage());
        }
        Map<String, Map<String, String>> visible = new LinkedHashMap<>();
        all.forEach((name, values) -> {
            if (allowed(storeName, name)) {
                visible.put(name, values);
            }
        });
        return visible;
    }

    private boolean allowed(String storeName, String key) {
        SecretScope scope = scopes.get(storeName);
        return scope == null || scope.allows(key);
    }

    private SecretStore store(String storeName) {
        if (components.all(SecretStore.class).isEmpty()) {
            throw DaprError.ERR_SECRET_STORES_NOT_CONFIGURED.with("secret store is not configured");
        }
        return components.get(SecretStore.class, storeName).map(LoadedComponent::instance)
                .orElseThrow(() -> DaprError.ERR_SECRET_STORE_NOT_FOUND.with("failed finding secret store with key " + storeName));
    }
}
