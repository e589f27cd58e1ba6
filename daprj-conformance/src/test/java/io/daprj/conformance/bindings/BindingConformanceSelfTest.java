package io.daprj.conformance.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.InputBinding;
import io.daprj.spi.bindings.OutputBinding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs {@link BindingConformance} against small in-memory bindings: correct ones pass, and each deliberate defect
 * fails the case meant to catch it. The suites are not named {@code *Test}, so only this class runs them.
 */
class BindingConformanceSelfTest {

    /** Files in a map, keyed by {@code fileName}; {@code lossy} returns only the first byte on get. */
    static final class MapOutput implements OutputBinding {
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();
        private final boolean lossy;

        MapOutput(boolean lossy) {
            this.lossy = lossy;
        }

        @Override
        public void init(ComponentMetadata metadata) {}

        @Override
        public List<String> operations() {
            return List.of("create", "get", "delete");
        }

        @Override
        public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata) {
            String name = metadata.getOrDefault("fileName", "f");
            return switch (operation) {
                case "create" -> {
                    files.put(name, data.clone());
                    yield Optional.empty();
                }
                case "get" -> Optional.of(BindingResponse.of(lossy
                        ? java.util.Arrays.copyOf(files.getOrDefault(name, new byte[0]), 1) : files.getOrDefault(name, new byte[0])));
                default -> {
                    files.remove(name);
                    yield Optional.empty();
                }
            };
        }
    }

    /** Fires every 100 ms; {@code silent} never fires, {@code deaf} ignores close. */
    static final class TickInput implements InputBinding {
        private final boolean silent;
        private final boolean deaf;

        TickInput(boolean silent, boolean deaf) {
            this.silent = silent;
            this.deaf = deaf;
        }

        @Override
        public void init(ComponentMetadata metadata) {}

        @Override
        public Reading read(BindingEventHandler handler) {
            Thread t = Thread.ofVirtual().start(() -> {
                while (!silent) {
                    try {
                        Thread.sleep(100);
                        handler.handle(new BindingEvent(new byte[0], Map.of()));
                    } catch (InterruptedException e) {
                        if (!deaf) {
                            return;
                        }
                    } catch (Exception e) {
                        // the suite's failing handler; keep ticking
                    }
                }
            });
            return t::interrupt;
        }
    }

    abstract static class OutputSuite extends BindingConformance {
        @Override protected Set<String> testedOperations() { return Set.of("operations", "create", "get", "delete"); }
    }

    abstract static class InputSuite extends BindingConformance {
        @Override protected Set<String> testedOperations() { return Set.of("read"); }
        @Override protected Duration readTimeout() { return Duration.ofSeconds(1); }
    }

    static class CorrectOutputSuite extends OutputSuite {
        @Override protected Binding newBinding() { return new MapOutput(false); }
    }

    static class LossyOutputSuite extends OutputSuite {
        @Override protected Binding newBinding() { return new MapOutput(true); }
    }

    static class ClaimsListSuite extends OutputSuite {
        @Override protected Binding newBinding() { return new MapOutput(false); }
        @Override protected Set<String> testedOperations() { return Set.of("operations", "list"); }
    }

    static class CorrectInputSuite extends InputSuite {
        @Override protected Binding newBinding() { return new TickInput(false, false); }
    }

    static class SilentInputSuite extends InputSuite {
        @Override protected Binding newBinding() { return new TickInput(true, false); }
    }

    static class DeafInputSuite extends InputSuite {
        @Override protected Binding newBinding() { return new TickInput(false, true); }
    }

    private static List<String> failed(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents().failed().stream()
                .map(e -> ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName())
                .distinct()
                .toList();
    }

    @Test
    void correctBindingsPass() {
        assertThat(failed(CorrectOutputSuite.class)).isEmpty();
        assertThat(failed(CorrectInputSuite.class)).isEmpty();
    }

    @Test
    void eachDefectFailsItsCase() {
        assertThat(failed(LossyOutputSuite.class)).contains("getReturnsWhatCreateWrote");
        assertThat(failed(ClaimsListSuite.class)).contains("operationsListEveryTestedOperation");
        assertThat(failed(SilentInputSuite.class)).contains("readDeliversAnEventWithinTheTimeoutAndStopsOnClose");
        assertThat(failed(DeafInputSuite.class)).contains("readDeliversAnEventWithinTheTimeoutAndStopsOnClose");
        assertThat(failed(OutputSuiteAsInput.class)).contains("inputAndOutputAreWhatTheTestSays");
    }

    /** An output binding tested as if it read. */
    static class OutputSuiteAsInput extends InputSuite {
        @Override protected Binding newBinding() { return new MapOutput(false); }
    }
}
