package io.daprj.conformance.lock;

import static io.daprj.conformance.SuiteRuns.failedMethods;
import static io.daprj.conformance.SuiteRuns.run;
import static io.daprj.conformance.SuiteRuns.runMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.daprj.conformance.lock.MapLockStore.Fault;
import io.daprj.spi.lock.LockStore;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link LockStoreConformance} against {@link MapLockStore}: a correct store passes, each defect is caught. */
class LockStoreConformanceSelfTest {

    static class CorrectStoreSuite extends LockStoreConformance {
        @Override protected LockStore newStore() { return new MapLockStore(Set.of()); }
    }

    static class IgnoresOwnerSuite extends LockStoreConformance {
        @Override protected LockStore newStore() { return new MapLockStore(Set.of(Fault.IGNORES_OWNER)); }
    }

    static class NeverExpiresSuite extends LockStoreConformance {
        @Override protected LockStore newStore() { return new MapLockStore(Set.of(Fault.NEVER_EXPIRES)); }
    }

    static class ReentrantSuite extends LockStoreConformance {
        @Override protected LockStore newStore() { return new MapLockStore(Set.of(Fault.REENTRANT)); }
    }

    @Test
    void correctStorePassesEveryCase() {
        Events tests = run(selectClass(CorrectStoreSuite.class));
        assertThat(failedMethods(tests)).isEmpty();
        assertThat(tests.succeeded().count()).isEqualTo(7);
    }

    @Test
    void storeReleasingAnotherOwnersLockFails() {
        assertThat(failedMethods(runMethods(IgnoresOwnerSuite.class, "unlockByAnotherOwnerIsRefusedAndKeepsTheLock")))
                .containsExactly("unlockByAnotherOwnerIsRefusedAndKeepsTheLock");
    }

    @Test
    void storeWhoseLocksNeverExpireFails() {
        assertThat(failedMethods(runMethods(NeverExpiresSuite.class, "unlockOfAnExpiredLockIsLockDoesNotExist")))
                .containsExactly("unlockOfAnExpiredLockIsLockDoesNotExist");
    }

    @Test
    void storeLettingTheOwnerRetakeAHeldLockFails() {
        assertThat(failedMethods(runMethods(ReentrantSuite.class, "heldLockCannotBeTakenByAnyoneIncludingItsOwner")))
                .containsExactly("heldLockCannotBeTakenByAnyoneIncludingItsOwner");
    }
}
