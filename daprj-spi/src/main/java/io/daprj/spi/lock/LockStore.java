package io.daprj.spi.lock;

import io.daprj.spi.Component;
import java.time.Duration;

/**
 * A distributed lock: a named resource held by one owner until it is unlocked or its expiry passes. After Dapr's
 * components-contrib {@code lock.Store}.
 *
 * <p>Contract: thread safe after init, and safe between processes sharing the backend — two callers can never both
 * hold one resource. Calls do not wait for a held lock. An expired lock counts as absent for both calls. The runtime
 * has already checked that {@code resourceId} and {@code owner} are non-empty and {@code expiry} positive, and
 * prefixed the resource with the app id. Failure: an unchecked exception means the backend failed (Dapr's
 * {@code ERR_TRY_LOCK} / {@code ERR_UNLOCK}); a lock that is held or owned by another is a normal result.
 */
public interface LockStore extends Component {

    /**
     * Takes the lock on {@code resourceId} for {@code owner} unless anyone holds it, the same owner included.
     *
     * @return true when the lock was taken, false when it is held
     */
    boolean tryLock(String resourceId, String owner, Duration expiry);

    /** Releases the lock on {@code resourceId} if {@code owner} holds it; never releases another owner's lock. */
    UnlockStatus unlock(String resourceId, String owner);
}
