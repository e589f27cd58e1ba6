package io.daprj.runtime.components;

import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.spi.secretstores.SecretStore;
import java.util.HashMap;
import java.util.Map;

/** Resolves a component's {@code secretKeyRef} metadata from the secret store named in its {@code auth.secretStore}. */
final class SecretRefs {

    /** A secret named by {@code secretKeyRef} could not be read; the message names component, store, secret and key. */
    static final class UnresolvedSecretException extends ComponentInitException {
        UnresolvedSecretException(String message) {
            super(message);
        }
    }

    private SecretRefs() {}

    static ComponentSpec resolve(ComponentSpec spec, ComponentStore store) {
        if (spec.secretRefs().isEmpty()) {
            return spec;
        }
        String prefix = "failed to init " + spec.describe() + ": ";
        if (spec.secretStore().isEmpty()) {
            throw new UnresolvedSecretException(prefix + "its metadata uses secretKeyRef but auth.secretStore names no secret store");
        }
        SecretStore secrets = store.get(SecretStore.class, spec.secretStore())
                .map(LoadedComponent::instance)
                .orElseThrow(() -> new UnresolvedSecretException(prefix + "secret store '" + spec.secretStore()
                        + "' (auth.secretStore) is not loaded"));
        Map<String, String> values = new HashMap<>();
        spec.secretRefs().forEach((field, ref) -> {
            String key = ref.key().isEmpty() ? ref.name() : ref.key();
            Map<String, String> secret;
            try {
                secret = secrets.get(ref.name(), Map.of()).orElse(Map.of());
            } catch (RuntimeException e) {
                throw new UnresolvedSecretException(prefix + "reading secret '" + ref.name() + "' for metadata '" + field
                        + "' from secret store '" + spec.secretStore() + "' failed: " + e.getMessage());
            }
            String value = secret.get(key);
            if (value == null) {
                throw new UnresolvedSecretException(prefix + "secret '" + ref.name() + "' key '" + key + "' for metadata '"
                        + field + "' was not found in secret store '" + spec.secretStore() + "'");
            }
            values.put(field, value);
        });
        return spec.withResolvedSecrets(values);
    }
}
