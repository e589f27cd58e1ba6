package io.daprj.conformance.configuration;

import static io.daprj.conformance.SuiteRuns.failedMethods;
import static io.daprj.conformance.SuiteRuns.run;
import static io.daprj.conformance.SuiteRuns.runMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.daprj.conformance.configuration.MapConfigurationStore.Fault;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs {@link ConfigurationStoreConformance} against {@link MapConfigurationStore}: a correct store passes, each
 * defect is caught.
 */
class ConfigurationStoreConformanceSelfTest {

    /** A suite on one shared map, the store being its own backend. */
    abstract static class MapSuite extends ConfigurationStoreConformance {
        private final Map<String, ConfigurationItem> items = new ConcurrentHashMap<>();
        private MapConfigurationStore current;

        abstract Set<Fault> faults();

        @Override
        protected ConfigurationStore newStore() {
            current = new MapConfigurationStore(items, faults());
            return current;
        }

        @Override
        protected ConfigurationBackend backend() {
            return current;
        }
    }

    static class CorrectStoreSuite extends MapSuite {
        @Override Set<Fault> faults() { return Set.of(); }
    }

    static class KeepsNotifyingSuite extends MapSuite {
        @Override Set<Fault> faults() { return Set.of(Fault.KEEPS_NOTIFYING_AFTER_UNSUBSCRIBE); }
    }

    static class NotifiesUnwatchedSuite extends MapSuite {
        @Override Set<Fault> faults() { return Set.of(Fault.NOTIFIES_UNWATCHED_KEYS); }
    }

    static class SilentOnDeleteSuite extends MapSuite {
        @Override Set<Fault> faults() { return Set.of(Fault.SILENT_ON_DELETE); }
    }

    static class GetsEveryKeySuite extends MapSuite {
        @Override Set<Fault> faults() { return Set.of(Fault.GETS_EVERY_KEY); }
    }

    @Test
    void correctStorePassesEveryCase() {
        Events tests = run(selectClass(CorrectStoreSuite.class));
        assertThat(failedMethods(tests)).isEmpty();
        assertThat(tests.succeeded().count()).isEqualTo(8);
    }

    @Test
    void storeNotifyingAfterUnsubscribeFails() {
        assertThat(failedMethods(runMethods(KeepsNotifyingSuite.class, "unsubscribeStopsNotifications")))
                .containsExactly("unsubscribeStopsNotifications");
    }

    @Test
    void storeNotifyingKeysNobodyWatchesFails() {
        assertThat(failedMethods(runMethods(NotifiesUnwatchedSuite.class,
                "subscribersAreToldOfUpdatesAddsAndDeletesOfTheirKeysOnly")))
                .containsExactly("subscribersAreToldOfUpdatesAddsAndDeletesOfTheirKeysOnly");
    }

    @Test
    void storeSilentOnDeletesFails() {
        assertThat(failedMethods(runMethods(SilentOnDeleteSuite.class,
                "subscribersAreToldOfUpdatesAddsAndDeletesOfTheirKeysOnly")))
                .containsExactly("subscribersAreToldOfUpdatesAddsAndDeletesOfTheirKeysOnly");
    }

    @Test
    void storeAnsweringUnaskedKeysFails() {
        assertThat(failedMethods(runMethods(GetsEveryKeySuite.class, "getWithKeysReturnsExactlyThoseItems",
                "missingKeysAreLeftOutOfTheAnswer")))
                .containsExactlyInAnyOrder("getWithKeysReturnsExactlyThoseItems", "missingKeysAreLeftOutOfTheAnswer");
    }
}
