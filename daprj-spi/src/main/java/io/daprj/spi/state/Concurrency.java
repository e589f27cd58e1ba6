package io.daprj.spi.state;

/** Dapr's {@code options.concurrency}: {@code first-write} or {@code last-write} (the default). */
public enum Concurrency {
    FIRST_WRITE,
    LAST_WRITE;

    /** The Dapr wire name, e.g. {@code first-write}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
