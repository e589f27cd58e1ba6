package io.daprj.runtime.lock;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.spi.lock.LockStore;
import io.daprj.spi.lock.UnlockStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The distributed lock API (alpha): checks a request in daprd's order, prefixes the resource as daprd does
 * ({@code lock||<appId>||<resource>} by default), calls the store and turns failures into Dapr errors.
 */
public final class LockApi {

    private static final String SEPARATOR = "||";

    private final ComponentStore components;
    private final String appId;

    public LockApi(ComponentStore components, String appId) {
        this.components = components;
        this.appId = appId;
    }

    /** True when {@code owner} now holds the lock on {@code resourceId} for {@code expiryInSeconds}. */
    public boolean tryLock(String storeName, String resourceId, String owner, long expiryInSeconds) {
        if (expiryInSeconds <= 0) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("ExpiryInSeconds is not positive in lock store " + storeName);
        }
        LoadedComponent<LockStore> store = store(storeName, resourceId, owner);
        try {
            return components.outbound(storeName, ComponentKind.LOCK,
                    () -> store.instance().tryLock(storedKey(store, resourceId), owner, Duration.ofSeconds(expiryInSeconds)));
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_TRY_LOCK, "failed to try acquiring lock: ", e);
        }
    }

    /** The outcome of releasing {@code owner}'s lock on {@code resourceId}. */
    public UnlockStatus unlock(String storeName, String resourceId, String owner) {
        LoadedComponent<LockStore> store = store(storeName, resourceId, owner);
        try {
            return components.outbound(storeName, ComponentKind.LOCK,
                    () -> store.instance().unlock(storedKey(store, resourceId), owner));
        } catch (RuntimeException e) {
            throw failure(DaprError.ERR_UNLOCK, "failed to release lock: ", e);
        }
    }

    private LoadedComponent<LockStore> store(String storeName, String resourceId, String owner) {
        if (components.all(LockStore.class).isEmpty()) {
            throw DaprError.ERR_LOCK_STORE_NOT_CONFIGURED.with("lock store is not configured");
        }
        if (resourceId.isEmpty()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("ResourceId is empty in lock store " + storeName);
        }
        if (owner.isEmpty()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("LockOwner is empty in lock store " + storeName);
        }
        return components.get(LockStore.class, storeName)
                .orElseThrow(() -> DaprError.ERR_LOCK_STORE_NOT_FOUND.with("lock store " + storeName + " not found"));
    }

    /** daprd's key: metadata {@code keyPrefix} {@code appid} (default), {@code name}, {@code none} or a literal. */
    private String storedKey(LoadedComponent<LockStore> store, String resourceId) {
        String keyPrefix = store.spec().metadata().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("keyPrefix"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("appid")
                .toLowerCase(Locale.ROOT);
        String prefix = switch (keyPrefix) {
            case "appid" -> appId;
            case "name" -> store.spec().name();
            case "none" -> "";
            default -> keyPrefix;
        };
        for (String part : new String[] {resourceId, prefix}) {
            if (part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("input key/keyPrefix '" + part + "' can't contain '||'");
            }
        }
        return prefix.isEmpty() ? "lock" + SEPARATOR + resourceId : "lock" + SEPARATOR + prefix + SEPARATOR + resourceId;
    }

    private static DaprException failure(DaprError error, String prefix, RuntimeException cause) {
        return cause instanceof DaprException d ? d : error.with(prefix + cause.getMessage());
    }
}
