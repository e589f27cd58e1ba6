package io.daprj.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a conformance suite (or some of its cases) inside a self-test and tells which cases failed. */
public final class SuiteRuns {

    private SuiteRuns() {}

    /** Runs the named methods of {@code suite}. */
    public static Events runMethods(Class<?> suite, String... methods) {
        return run(Arrays.stream(methods).map(m -> selectMethod(suite, m)).toArray(DiscoverySelector[]::new));
    }

    public static Events run(DiscoverySelector... selectors) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
    }

    /** The names of the test methods that failed, once each. */
    public static List<String> failedMethods(Events tests) {
        return tests.failed().stream()
                .map(e -> e.getTestDescriptor().getSource().orElseThrow())
                .map(source -> ((MethodSource) source).getMethodName())
                .distinct()
                .toList();
    }
}
