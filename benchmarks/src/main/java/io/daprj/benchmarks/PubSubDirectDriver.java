package io.daprj.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A broker driven with its own Java client, no sidecar: the direct path of the pub/sub benchmark. One instance serves
 * one benchmark run; {@link #close()} removes every topic, stream or queue it created.
 */
interface PubSubDirectDriver extends AutoCloseable {

    /**
     * Creates what the broker needs before anyone publishes to {@code topic} or subscribes to it (a stream, a topic
     * with one partition); called for the sidecar path's topics too, before the sidecars start. Nothing by default.
     */
    default void prepareTopic(String topic) throws Exception {}

    /**
     * Starts a durable consumer of {@code topic} (a consumer group of its own) that hands each message's payload to
     * {@code onMessage} and then acknowledges it; returns once the consumer is in place.
     */
    void subscribe(String topic, Consumer<byte[]> onMessage) throws Exception;

    /** Publishes {@code payload}; the future completes when the broker has confirmed it. Must not block. */
    CompletableFuture<?> publish(String topic, byte[] payload);

    @Override
    void close();
}
