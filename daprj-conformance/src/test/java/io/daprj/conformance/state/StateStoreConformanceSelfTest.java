package io.daprj.conformance.state;

import static io.daprj.conformance.SuiteRuns.failedMethods;
import static io.daprj.conformance.SuiteRuns.run;
import static io.daprj.conformance.SuiteRuns.runMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.daprj.conformance.state.MapStateStore.Fault;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.util.EnumSet;
import java.util.Set;
import org.junit.platform.testkit.engine.Events;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link StateStoreConformance} against {@link MapStateStore}: a correct store passes, and each deliberate
 * defect fails the cases meant to catch it. The suites below are not named {@code *Test}, so only this class runs
 * them.
 */
class StateStoreConformanceSelfTest {

    private static final Set<StateFeature> ALL = EnumSet.of(StateFeature.ETAG, StateFeature.TTL,
            StateFeature.TRANSACTIONAL);

    static class CorrectStoreSuite extends StateStoreConformance {
        @Override protected StateStore newStore() { return new MapStateStore.Transactional(ALL, Set.of()); }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    static class EtagOnlyStoreSuite extends StateStoreConformance {
        @Override protected StateStore newStore() { return new MapStateStore(Set.of(StateFeature.ETAG), Set.of()); }
        @Override protected Set<StateFeature> expectedFeatures() { return EnumSet.of(StateFeature.ETAG); }
    }

    static class IgnoresEtagsSuite extends StateStoreConformance {
        @Override protected StateStore newStore() {
            return new MapStateStore.Transactional(ALL, Set.of(Fault.IGNORES_ETAGS));
        }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    static class NeverExpiresSuite extends StateStoreConformance {
        @Override protected StateStore newStore() {
            return new MapStateStore.Transactional(ALL, Set.of(Fault.NEVER_EXPIRES));
        }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    static class SharesBytesSuite extends StateStoreConformance {
        @Override protected StateStore newStore() {
            return new MapStateStore.Transactional(ALL, Set.of(Fault.SHARES_BYTES));
        }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    static class PartialTransactionsSuite extends StateStoreConformance {
        @Override protected StateStore newStore() {
            return new MapStateStore.Transactional(ALL, Set.of(Fault.PARTIAL_TRANSACTIONS));
        }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    /** Claims TRANSACTIONAL and ACTOR without having them, and the test expects what it claims. */
    static class OverclaimingStoreSuite extends StateStoreConformance {
        private static final Set<StateFeature> CLAIMED = EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL,
                StateFeature.ACTOR);
        @Override protected StateStore newStore() { return new MapStateStore(CLAIMED, Set.of()); }
        @Override protected Set<StateFeature> expectedFeatures() { return CLAIMED; }
    }

    /** Declares fewer features than its test expects. */
    static class UnderclaimingStoreSuite extends StateStoreConformance {
        @Override protected StateStore newStore() {
            return new MapStateStore.Transactional(EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL), Set.of());
        }
        @Override protected Set<StateFeature> expectedFeatures() { return ALL; }
    }

    @Test
    void correctStorePassesEveryCase() {
        Events tests = run(selectClass(CorrectStoreSuite.class));
        assertThat(failedMethods(tests)).isEmpty();
        assertThat(tests.succeeded().count()).isGreaterThan(50);
    }

    @Test
    void storeWithoutTtlAndTransactionsSkipsThoseCasesAndPasses() {
        Events tests = run(selectClass(EtagOnlyStoreSuite.class));
        assertThat(failedMethods(tests)).isEmpty();
        assertThat(tests.aborted().count()).as("cases skipped by assumption").isGreaterThan(10);
    }

    @Test
    void storeIgnoringEtagsFails() {
        assertThat(failedMethods(runMethods(IgnoresEtagsSuite.class,
                "updateWithWrongEtagFailsAndKeepsTheValue", "secondWriteWithoutEtagFailsUnderFirstWrite",
                "deleteWithWrongEtagFailsAndKeepsTheKey", "concurrentFirstWritesLetExactlyOneWin")))
                .containsExactlyInAnyOrder("updateWithWrongEtagFailsAndKeepsTheValue",
                        "secondWriteWithoutEtagFailsUnderFirstWrite", "deleteWithWrongEtagFailsAndKeepsTheKey",
                        "concurrentFirstWritesLetExactlyOneWin");
    }

    @Test
    void storeThatNeverExpiresFails() {
        assertThat(failedMethods(
                        runMethods(NeverExpiresSuite.class, "keyWithTtlExpires", "getReportsTtlExpireTimeInRfc3339")))
                .containsExactlyInAnyOrder("keyWithTtlExpires", "getReportsTtlExpireTimeInRfc3339");
    }

    @Test
    void storeSharingTheCallersBytesFails() {
        assertThat(failedMethods(runMethods(SharesBytesSuite.class, "storeKeepsItsOwnCopyOfTheBytes")))
                .containsExactly("storeKeepsItsOwnCopyOfTheBytes");
    }

    @Test
    void storeApplyingHalfATransactionFails() {
        assertThat(failedMethods(runMethods(PartialTransactionsSuite.class, "etagMismatchAbortsTheWholeTransaction")))
                .containsExactly("etagMismatchAbortsTheWholeTransaction");
    }

    @Test
    void storeClaimingFeaturesItLacksFails() {
        assertThat(failedMethods(run(selectClass(OverclaimingStoreSuite.class))))
                .contains("declaresTransactionalExactlyWhenItImplementsTransactions", "neverDeclaresTheActorFeature",
                        "declaresExactlyTheExpectedFeatures");
    }

    @Test
    void storeDeclaringFewerFeaturesThanExpectedFails() {
        assertThat(failedMethods(runMethods(UnderclaimingStoreSuite.class, "declaresExactlyTheExpectedFeatures")))
                .containsExactly("declaresExactlyTheExpectedFeatures");
    }
}
