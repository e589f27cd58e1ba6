package io.daprj.components.core.pubsub;

import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.Subscription;
import java.lang.System.Logger.Level;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber of the in-memory broker: a delay queue drained by one virtual thread, so first deliveries keep
 * publish order and a failed message goes back into the queue due after its backoff.
 */
final class InMemorySubscription implements Subscription {

    private static final System.Logger LOG = System.getLogger(InMemorySubscription.class.getName());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A message due at {@code dueNanos}; the sequence keeps messages due at once in publish order. */
    private record Pending(Message message, int attempt, long dueNanos, long seq) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Pending o = (Pending) other;
            int byDue = Long.compare(dueNanos, o.dueNanos);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }

    private static final Message STOP = new Message("", new byte[0], java.util.Optional.empty(), java.util.Map.of());

    private final String topic;
    private final MessageHandler handler;
    private final InMemoryPubSubMetadata metadata;
    private final Runnable onClose;
    private final DelayQueue<Pending> queue = new DelayQueue<>();
    private final Thread loop;
    private volatile boolean closed;

    InMemorySubscription(String topic, MessageHandler handler, InMemoryPubSubMetadata metadata, Runnable onClose) {
        this.topic = topic;
        this.handler = handler;
        this.metadata = metadata;
        this.onClose = onClose;
        this.loop = Thread.ofVirtual().name("daprj-inmemory-pubsub-" + topic).start(this::drain);
    }

    String topic() {
        return topic;
    }

    void offer(Message message) {
        if (!closed) {
            queue.add(new Pending(message, 0, System.nanoTime(), SEQUENCE.incrementAndGet()));
        }
    }

    private void drain() {
        while (true) {
            Pending next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next.message() == STOP) {
                return;
            }
            try {
                handler.handle(next.message());
            } catch (Exception e) {
                int attempt = next.attempt() + 1;
                LOG.log(Level.DEBUG, "redelivering a message of topic {0} (attempt {1}): {2}", topic, attempt, e.toString());
                queue.add(new Pending(next.message(), attempt,
                        System.nanoTime() + metadata.backoff(attempt).toNanos(), SEQUENCE.incrementAndGet()));
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        // due now, so it overtakes messages waiting for redelivery; a handler call in progress finishes first
        queue.add(new Pending(STOP, 0, Long.MIN_VALUE / 2, 0));
        try {
            loop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
