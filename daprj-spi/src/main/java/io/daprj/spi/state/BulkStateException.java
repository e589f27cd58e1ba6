package io.daprj.spi.state;

import java.util.List;
import java.util.stream.Collectors;

/** Some writes of a bulk call failed; the others were applied. */
public class BulkStateException extends RuntimeException {

    /** The failure of one key. */
    public record Failure(String key, RuntimeException cause) {}

    private final List<Failure> failures;

    public BulkStateException(List<Failure> failures) {
        super(failures.stream()
                .map(f -> f.key() + ": " + f.cause().getMessage())
                .collect(Collectors.joining("; ", "bulk operation failed for " + failures.size() + " key(s): ", "")));
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }

    /** True when every failure is an ETag mismatch, which Dapr reports as 409. */
    public boolean allETagMismatches() {
        return failures.stream().allMatch(f -> f.cause() instanceof ETagMismatchException);
    }
}
