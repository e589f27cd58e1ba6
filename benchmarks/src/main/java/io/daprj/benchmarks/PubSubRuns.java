package io.daprj.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two measurements of one path (direct or through the sidecars) to one broker: a burst of messages published as
 * fast as the path confirms them, and publish-to-delivery latency at a fixed rate ({@link OpenLoopLoad}, whose
 * requests here complete when the subscriber receives the message, so latency counts from the intended send time to
 * the delivery).
 */
final class PubSubRuns {

    /** How long the subscriber may take, after the last publish, to receive the rest of a burst. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A burst: {@code published} confirmed publishes in {@code publishSeconds}; {@code delivered} of them received by
     * the subscriber, the last {@code deliverySeconds} after the first publish.
     */
    record Burst(String path, int messages, int published, int delivered, double publishSeconds,
            double deliverySeconds, String firstError) {

        double publishRate() {
            return published / publishSeconds;
        }

        double deliveryRate() {
            return delivered / deliverySeconds;
        }
    }

    private final PubSubDeliveries deliveries;

    PubSubRuns(PubSubDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Publishes {@code messages} to {@code topic} with at most {@code window} unconfirmed at once. */
    Burst burst(String path, PubSubPublisher publisher, String topic, int messages, int window)
            throws InterruptedException {
        Semaphore permits = new Semaphore(window);
        AtomicLong lastConfirm = new AtomicLong();
        AtomicLong lastDelivery = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        List<CompletableFuture<Void>> delivered = new ArrayList<>(messages);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            permits.acquire();
            PubSubDeliveries.Pending message = deliveries.next();
            delivered.add(message.delivered());
            message.delivered().thenRun(() -> lastDelivery.accumulateAndGet(System.nanoTime(), Math::max));
            publish(publisher, topic, message.payload()).whenComplete((ok, failure) -> {
                lastConfirm.accumulateAndGet(System.nanoTime(), Math::max);
                if (failure != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet("", String.valueOf(failure));
                }
                permits.release();
            });
        }
        permits.acquire(window); // every publish has answered
        try {
            CompletableFuture.allOf(delivered.toArray(CompletableFuture[]::new))
                    .get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException incomplete) {
            firstError.compareAndSet("", "not every message arrived within " + DELIVERY_TIMEOUT.toSeconds() + " s");
        }
        deliveries.abandonPending();
        int received = (int) delivered.stream().filter(CompletableFuture::isDone).count();
        return new Burst(path, messages, messages - (int) failed.get(), received, (lastConfirm.get() - start) / 1e9,
                (Math.max(lastDelivery.get(), start + 1) - start) / 1e9, firstError.get());
    }

    /** Publish-to-delivery latency at {@code rate} messages per second; undelivered messages count as errors. */
    LoadResult latency(OpenLoopLoad load, String name, PubSubPublisher publisher, String topic, int rate)
            throws InterruptedException {
        LoadResult result = load.run(name, sequence -> {
            PubSubDeliveries.Pending message = deliveries.next();
            publish(publisher, topic, message.payload()).whenComplete((ok, failure) -> {
                if (failure != null) {
                    message.delivered().completeExceptionally(failure);
                }
            });
            return message.delivered();
        }, rate);
        deliveries.abandonPending();
        return result;
    }

    private static CompletableFuture<?> publish(PubSubPublisher publisher, String topic, byte[] payload) {
        try {
            return publisher.publish(topic, payload);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
