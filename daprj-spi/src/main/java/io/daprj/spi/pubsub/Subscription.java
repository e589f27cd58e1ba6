package io.daprj.spi.pubsub;

/**
 * A live subscription. {@link #close} stops new deliveries and returns once no handler call of this subscription
 * is running, so a message is never half-handled after close; messages not yet acknowledged stay with the broker.
 */
public interface Subscription extends AutoCloseable {

    /** Idempotent; never throws. */
    @Override
    void close();
}
