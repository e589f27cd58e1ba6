package io.daprj.conformance.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.lock.LockStore;
import io.daprj.spi.lock.UnlockStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every lock store must do, after Dapr's lock conformance: take two locks, refuse a held one, unlock a missing
 * lock, a foreign lock and an owned one, and let a lock expire. A subclass returns a new, initialised store; every
 * test uses fresh resource names, so stores may share a backend with other runs. The two expiry cases wait about 1 s each.
 */
public abstract class LockStoreConformance {

    private static final String OWNER = "conftest";
    private static final Duration LONG = Duration.ofSeconds(30);

    private LockStore store;
    private String base;

    /** A new store, initialised. */
    protected abstract LockStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        base = "conf-lock-" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void tryLockTakesTwoDifferentLocks() {
        assertThat(store.tryLock(base + "-1", OWNER, LONG)).isTrue();
        assertThat(store.tryLock(base + "-2", OWNER, Duration.ofSeconds(3))).isTrue();
    }

    @Test
    void heldLockCannotBeTakenByAnyoneIncludingItsOwner() {
        assertThat(store.tryLock(base, OWNER, LONG)).isTrue();
        assertThat(store.tryLock(base, OWNER, LONG)).as("same owner").isFalse();
        assertThat(store.tryLock(base, "other", LONG)).as("other owner").isFalse();
    }

    @Test
    void unlockOfAMissingLockIsLockDoesNotExist() {
        assertThat(store.unlock(base + "-nonexistent", OWNER)).isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);
    }

    @Test
    void unlockByAnotherOwnerIsRefusedAndKeepsTheLock() {
        assertThat(store.tryLock(base, OWNER, LONG)).isTrue();
        assertThat(store.unlock(base, "nonowner")).isEqualTo(UnlockStatus.LOCK_BELONGS_TO_OTHERS);
        assertThat(store.tryLock(base, "nonowner", LONG)).as("still held").isFalse();
    }

    @Test
    void unlockByTheOwnerFreesTheLock() {
        assertThat(store.tryLock(base, OWNER, LONG)).isTrue();
        assertThat(store.unlock(base, OWNER)).isEqualTo(UnlockStatus.SUCCESS);
        assertThat(store.unlock(base, OWNER)).as("second unlock").isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);
        assertThat(store.tryLock(base, "other", LONG)).as("free again").isTrue();
    }

    @Test
    void lockExpiresAfterItsExpiry() {
        assertThat(store.tryLock(base, OWNER, Duration.ofSeconds(1))).isTrue();
        assertThat(store.tryLock(base, "other", LONG)).as("before expiry").isFalse();
        await().pollDelay(Duration.ofMillis(900)).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(4))
                .until(() -> store.tryLock(base, "other", LONG));
        assertThat(store.unlock(base, OWNER)).as("the first owner lost it").isEqualTo(UnlockStatus.LOCK_BELONGS_TO_OTHERS);
        assertThat(store.unlock(base, "other")).isEqualTo(UnlockStatus.SUCCESS);
    }

    @Test
    void unlockOfAnExpiredLockIsLockDoesNotExist() throws InterruptedException {
        assertThat(store.tryLock(base, OWNER, Duration.ofSeconds(1))).isTrue();
        Thread.sleep(1_200);
        assertThat(store.unlock(base, OWNER)).isEqualTo(UnlockStatus.LOCK_DOES_NOT_EXIST);
    }
}
