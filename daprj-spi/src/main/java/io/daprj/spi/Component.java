package io.daprj.spi;

/**
 * A configured backend instance. The runtime creates one through its {@link ComponentProvider}, calls
 * {@link #init} exactly once before any other method, and {@link #close} once at shutdown.
 *
 * <p>Implementations must be safe for concurrent use after {@code init} returns.
 */
public interface Component extends AutoCloseable {

    /**
     * Connects to the backend and validates the metadata.
     *
     * @throws Exception with a message that names the bad field or the unreachable backend
     */
    void init(ComponentMetadata metadata) throws Exception;

    /** Releases connections and files. Must not throw for an instance whose {@code init} failed. */
    @Override
    default void close() {}
}
