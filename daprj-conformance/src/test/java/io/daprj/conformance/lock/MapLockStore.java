package io.daprj.conformance.lock;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.LockStore;
import io.daprj.spi.lock.UnlockStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory lock store for testing the suite itself, with defects that can be switched on. */
final class MapLockStore implements LockStore {

    enum Fault { IGNORES_OWNER, NEVER_EXPIRES, REENTRANT }

    private record Held(String owner, long expiresAtNanos) {}

    private final Map<String, Held> locks = new ConcurrentHashMap<>();
    private final Set<Fault> faults;

    MapLockStore(Set<Fault> faults) {
        this.faults = faults;
    }

    @Override
    public void init(ComponentMetadata metadata) {}

    @Override
    public synchronized boolean tryLock(String resourceId, String owner, Duration expiry) {
        Held held = live(resourceId);
        if (held != null && !(faults.contains(Fault.REENTRANT) && held.owner().equals(owner))) {
            return false;
        }
        locks.put(resourceId, new Held(owner, System.nanoTime() + expiry.toNanos()));
        return true;
    }

    @Override
    public synchronized UnlockStatus unlock(String resourceId, String owner) {
        Held held = live(resourceId);
        if (held == null) {
            return UnlockStatus.LOCK_DOES_NOT_EXIST;
        }
        if (!held.owner().equals(owner) && !faults.contains(Fault.IGNORES_OWNER)) {
            return UnlockStatus.LOCK_BELONGS_TO_OTHERS;
        }
        locks.remove(resourceId);
        return UnlockStatus.SUCCESS;
    }

    private Held live(String resourceId) {
        Held held = locks.get(resourceId);
        boolean expired = held != null && !faults.contains(Fault.NEVER_EXPIRES) && System.nanoTime() >= held.expiresAtNanos();
        return expired ? null : held;
    }
}
