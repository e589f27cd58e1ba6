package io.daprj.spi.bindings;

/**
 * Receives events from an outside system (a schedule, a queue, a topic) and hands each to the runtime, which passes
 * it to the app. Thread safe after {@code init}.
 */
public interface InputBinding extends Binding {

    /**
     * Starts handing events to {@code handler}, on threads of the component's choosing (virtual threads preferred),
     * until the returned reading or the component is closed. Returns once reading has started.
     *
     * @throws RuntimeException when reading cannot start; nothing is delivered then
     */
    Reading read(BindingEventHandler handler);

    /** A running read; closing it stops new deliveries and is idempotent. */
    interface Reading extends AutoCloseable {
        @Override
        void close();
    }
}
