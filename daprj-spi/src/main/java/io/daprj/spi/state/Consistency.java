package io.daprj.spi.state;

/** Dapr's {@code options.consistency}: {@code eventual} (the default) or {@code strong}. */
public enum Consistency {
    EVENTUAL,
    STRONG
}
