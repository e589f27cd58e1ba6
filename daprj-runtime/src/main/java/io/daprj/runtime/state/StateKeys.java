package io.daprj.runtime.state;

import io.daprj.runtime.errors.DaprError;
import java.util.Locale;

/**
 * Dapr's state key prefixes: {@code keyPrefix} {@code appid} (default, {@code appId||key}), {@code name}
 * ({@code store||key}), {@code namespace} ({@code ns.appId||key}), {@code none}, or any literal ({@code lit||key}).
 */
public final class StateKeys {

    static final String SEPARATOR = "||";

    private final String prefix;

    private StateKeys(String prefix) {
        this.prefix = prefix;
    }

    /** The key mapping for a store with metadata {@code keyPrefix} (may be null). */
    public static StateKeys of(String keyPrefix, String storeName, String appId, String namespace) {
        String strategy = keyPrefix == null || keyPrefix.isBlank() ? "appid" : keyPrefix.trim();
        String prefix = switch (strategy.toLowerCase(Locale.ROOT)) {
            case "appid" -> appId;
            case "name" -> storeName;
            case "namespace" -> namespace.isEmpty() ? appId : namespace + "." + appId;
            case "none" -> "";
            default -> strategy;
        };
        if (prefix.contains(SEPARATOR)) {
            throw new IllegalArgumentException("keyPrefix: '" + keyPrefix + "' (expected: no '||')");
        }
        return new StateKeys(prefix);
    }

    /** The key as stored; rejects a user key that contains {@code ||}. */
    public String toStored(String key) {
        if (key.contains(SEPARATOR)) {
            throw DaprError.ERR_STATE_ILLEGAL_KEY.with("input key/keyPrefix '" + key + "' can't contain '||'");
        }
        return prefix.isEmpty() ? key : prefix + SEPARATOR + key;
    }

    /** The user's key for a stored one. */
    public String toUser(String storedKey) {
        return prefix.isEmpty() ? storedKey : storedKey.substring(prefix.length() + SEPARATOR.length());
    }
}
