package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

/** Concurrency and consistency of one state operation. */
public record StateOptions(Concurrency concurrency, Consistency consistency) {

    public static final StateOptions DEFAULT = new StateOptions(Concurrency.LAST_WRITE, Consistency.EVENTUAL);

    public StateOptions {
        requireNonNull(concurrency, "concurrency");
        requireNonNull(consistency, "consistency");
    }

    public boolean firstWrite() {
        return concurrency == Concurrency.FIRST_WRITE;
    }
}
