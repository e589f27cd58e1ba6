package io.daprj.runtime.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Configuration's {@code spec.secrets.scopes}: which secrets of a store the app may read. An
 * {@code allowedSecrets} list, when present, is the whole truth; otherwise {@code deniedSecrets} are refused and
 * everything else follows {@code defaultAccess} (allow unless it says deny), as in daprd.
 */
public record SecretScope(boolean denyByDefault, List<String> allowedSecrets, List<String> deniedSecrets) {

    public SecretScope {
        allowedSecrets = List.copyOf(allowedSecrets);
        deniedSecrets = List.copyOf(deniedSecrets);
    }

    static SecretScope parse(JsonNode node) {
        List<String> allowed = new ArrayList<>();
        node.path("allowedSecrets").forEach(n -> allowed.add(n.asText()));
        List<String> denied = new ArrayList<>();
        node.path("deniedSecrets").forEach(n -> denied.add(n.asText()));
        return new SecretScope("deny".equalsIgnoreCase(node.path("defaultAccess").asText("")), allowed, denied);
    }

    public boolean allows(String secret) {
        if (!allowedSecrets.isEmpty()) {
            return allowedSecrets.contains(secret);
        }
        if (deniedSecrets.contains(secret)) {
            return false;
        }
        return !denyByDefault;
    }
}
