package io.daprj.conformance.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.daprj.conformance.lock.MapLockStore.Fault;
import io.daprj.spi.lock.LockStore;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
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

    private static Events runMethods(Class<?> suite, String... methods) {
        return run(Arrays.stream(methods).map(m -> selectMethod(suite, m)).toArray(DiscoverySelector[]::new));
    }

    private static Events run(DiscoverySelector... selectors) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
    }

    private static List<String> failedMethods(Events tests) {
        return tests.failed().stream()
                .map(e -> e.getTestDescriptor().getSource().orElseThrow())
                .map(source -> ((MethodSource) source).getMethodName())
                .distinct()
                .toList();
    }
}
