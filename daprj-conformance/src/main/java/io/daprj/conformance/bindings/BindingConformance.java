package io.daprj.conformance.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.InputBinding;
import io.daprj.spi.bindings.OutputBinding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every binding must do, after Dapr's bindings conformance (init, operations, read, create, get, list, verify
 * read, delete, close). A subclass returns an initialised binding and names, like Dapr's {@code tests.yml}, the
 * operations it is tested with: {@code read} for an input binding, {@code operations} for an output binding, plus
 * any of {@code create}, {@code get}, {@code list}, {@code delete}. Cases for operations not named are skipped.
 */
public abstract class BindingConformance {

    /** Dapr's default payload for output calls. */
    public static final String DEFAULT_OUTPUT_DATA = "[{\"eventType\":\"test\",\"eventTime\": \"2018-01-25T22:12:19.4556811Z\","
            + "\"subject\":\"dapr-conf-tests\",\"id\":\"A234-1234-1234\",\"data\":\"root/>\"}]";

    private Binding binding;

    /** A new, initialised binding. */
    protected abstract Binding newBinding() throws Exception;

    /** The tested operations: {@code read}, {@code operations}, {@code create}, {@code get}, {@code list}, {@code delete}. */
    protected abstract Set<String> testedOperations();

    /** Request metadata of every output call (Dapr's {@code output} config), e.g. a {@code fileName}. */
    protected Map<String, String> outputMetadata() {
        return Map.of();
    }

    /** Request metadata of the {@code list} call; the output metadata by default. */
    protected Map<String, String> listMetadata() {
        return outputMetadata();
    }

    protected byte[] outputData() {
        return DEFAULT_OUTPUT_DATA.getBytes(StandardCharsets.UTF_8);
    }

    /** How long the first input event may take. */
    protected Duration readTimeout() {
        return Duration.ofSeconds(10);
    }

    @BeforeEach
    void open() throws Exception {
        binding = newBinding();
    }

    @AfterEach
    void closeBinding() {
        binding.close();
    }

    private boolean tests(String op) {
        return testedOperations().contains(op);
    }

    private OutputBinding output() {
        assumeThat(tests("operations")).as("output binding").isTrue();
        assertThat(binding).isInstanceOf(OutputBinding.class);
        return (OutputBinding) binding;
    }

    private Optional<BindingResponse> call(String operation) {
        return output().invoke(operation, outputData(), new HashMap<>(outputMetadata()));
    }

    @Test
    void inputAndOutputAreWhatTheTestSays() {
        assertThat(binding instanceof InputBinding).as("implements InputBinding").isEqualTo(tests("read"));
        assertThat(binding instanceof OutputBinding).as("implements OutputBinding").isEqualTo(tests("operations"));
    }

    @Test
    void operationsListEveryTestedOperation() {
        Set<String> listed = Set.copyOf(output().operations());
        for (String op : testedOperations()) {
            if (!op.equals("operations") && !op.equals("read")) {
                assertThat(listed).as("operations()").contains(op);
            }
        }
    }

    @Test
    void readDeliversAnEventWithinTheTimeoutAndStopsOnClose() throws Exception {
        assumeThat(tests("read")).as("input binding").isTrue();
        AtomicInteger calls = new AtomicInteger();
        InputBinding.Reading reading = ((InputBinding) binding).read(event -> {
            calls.incrementAndGet();
            return new byte[0];
        });
        await().atMost(readTimeout()).until(() -> calls.get() > 0);
        reading.close();
        int afterClose = calls.get();
        Thread.sleep(Math.min(2_000, readTimeout().toMillis() / 2));
        // one event may have been in flight when the reading closed
        assertThat(calls.get()).as("events after close").isLessThanOrEqualTo(afterClose + 1);
        assertThatCode(reading::close).as("closing twice").doesNotThrowAnyException();
    }

    @Test
    void readGoesOnWhenTheHandlerFails() throws Exception {
        assumeThat(tests("read")).as("input binding").isTrue();
        AtomicInteger calls = new AtomicInteger();
        try (InputBinding.Reading reading = ((InputBinding) binding).read(event -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the app refused the event");
        })) {
            await().atMost(readTimeout().multipliedBy(2)).until(() -> calls.get() >= 2);
        }
    }

    @Test
    void createSucceeds() {
        assumeThat(tests("create")).isTrue();
        assertThatCode(() -> call("create")).doesNotThrowAnyException();
    }

    @Test
    void getReturnsWhatCreateWrote() {
        assumeThat(tests("get")).isTrue();
        boolean created = tests("create");
        if (created) {
            call("create");
        }
        Optional<BindingResponse> response = call("get");
        if (created) {
            assertThat(response).isPresent();
            assertThat(response.get().data()).isEqualTo(outputData());
        }
    }

    @Test
    void listSucceeds() {
        assumeThat(tests("list")).isTrue();
        if (tests("create")) {
            call("create");
        }
        assertThatCode(() -> output().invoke("list", outputData(), new HashMap<>(listMetadata())))
                .doesNotThrowAnyException();
    }

    @Test
    void deleteRemovesWhatCreateWrote() {
        assumeThat(tests("delete")).isTrue();
        if (tests("create")) {
            call("create");
        }
        call("delete");
        if (tests("create") && tests("get")) {
            // Dapr expects no data after delete; a component may also fail the get
            try {
                Optional<BindingResponse> response = call("get");
                assertThat(response.map(BindingResponse::data).orElse(new byte[0])).isEmpty();
            } catch (RuntimeException expected) {
                assertThat(expected).isNotNull();
            }
        }
    }

    @Test
    void closeDoesNotThrowAndMayBeRepeated() {
        assertThatCode(() -> {
            binding.close();
            binding.close();
        }).doesNotThrowAnyException();
    }
}
