package io.daprj.components.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Consumes one queue on a channel of its own and keeps doing so: when the channel or the connection is lost, or the
 * broker cancels the consumer (the queue was deleted), it declares its topology again and resumes after
 * {@code reconnectWait}. A delivery is acknowledged only after its handler returned; a handler that throws gets the
 * message rejected — back to the queue after a short pause, or, without requeue, to the queue's dead-letter
 * exchange. Deliveries not yet acknowledged when a channel dies go back to the queue (the broker's doing), so
 * nothing is lost; handlers must tolerate the duplicates this brings. A subscription made while the broker is
 * unreachable starts once it is back.
 *
 * <p>Deliveries are handled one at a time in queue order, or each on a virtual thread of its own
 * ({@link Options#parallel}); {@link Options#prefetchCount} bounds how many are unacknowledged at once (0: no bound).
 */
public final class QueueConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueConsumer.class.getName());
    /** How long a failed message waits before it is requeued, so a failing app is not called in a tight loop. */
    static final Duration REQUEUE_PAUSE = Duration.ofMillis(500);
    private static final Duration CLOSE_JOIN = Duration.ofSeconds(15);

    /** Declares the queue to consume and whatever it needs (exchanges, bindings); returns the queue's name. */
    @FunctionalInterface
    public interface Topology {
        String declare(Channel channel) throws IOException;
    }

    /** Handles one delivery: returns when it is done (acknowledged then), throws when it failed. */
    @FunctionalInterface
    public interface DeliveryHandler {
        void handle(Delivery delivery) throws Exception;
    }

    /**
     * @param name names the consumer tags and threads (the queue, usually)
     * @param prefetchCount unacknowledged deliveries at most; 0 for no bound
     * @param autoAck the broker forgets a message once sent (Dapr's {@code autoAck}): a failure loses it
     * @param parallel each delivery on a virtual thread of its own instead of one at a time
     * @param requeueFailed a failed message goes back to the queue; else it is rejected (dead-lettered if set up)
     * @param reconnectWait the pause before subscribing again after a loss
     */
    public record Options(String name, int prefetchCount, boolean autoAck, boolean parallel, boolean requeueFailed,
            Duration reconnectWait) {
        public Options {
            requireNonNull(name, "name");
            requireNonNull(reconnectWait, "reconnectWait");
        }
    }

    private record Attempt(Channel channel, String consumerTag, CompletableFuture<Void> ended) {}

    private final RabbitMqConnector connector;
    private final Topology topology;
    private final Options options;
    private final DeliveryHandler handler;
    private final InFlightHandlers inFlight = new InFlightHandlers();
    private volatile Attempt current;
    private volatile boolean closed;
    private Thread watcher;

    private QueueConsumer(RabbitMqConnector connector, Topology topology, Options options, DeliveryHandler handler) {
        this.connector = requireNonNull(connector, "connector");
        this.topology = requireNonNull(topology, "topology");
        this.options = requireNonNull(options, "options");
        this.handler = requireNonNull(handler, "handler");
    }

    /**
     * Declares the topology and starts consuming; returns once the consumer is registered with the broker, or, when
     * the broker cannot be reached now, once a background retry (every {@code reconnectWait}) has been set up.
     *
     * @throws IllegalStateException when the broker refused the subscription (bad topology, access refused)
     */
    public static QueueConsumer start(RabbitMqConnector connector, Topology topology, Options options,
            DeliveryHandler handler) {
        QueueConsumer consumer = new QueueConsumer(connector, topology, options, handler);
        try {
            consumer.current = consumer.subscribeOnce();
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (connector.isOpen() || connector.isClosed()) {
                throw new IllegalStateException("rabbitmq: subscribing to " + options.name() + " failed: "
                        + RabbitMqConnector.message(e), e);
            }
            LOG.log(Level.WARNING, "rabbitmq: {0} is unreachable; subscribing to {1} once it is back: {2}",
                    connector.description(), options.name(), RabbitMqConnector.message(e));
        }
        consumer.watcher = Thread.ofVirtual().name("daprj-rabbitmq-watch-" + options.name()).start(consumer::watch);
        return consumer;
    }

    private Attempt subscribeOnce() throws IOException, TimeoutException {
        Channel channel = connector.openChannel();
        try {
            String queue = topology.declare(channel);
            if (options.prefetchCount() > 0) {
                channel.basicQos(options.prefetchCount());
            }
            CompletableFuture<Void> ended = new CompletableFuture<>();
            channel.addShutdownListener(cause -> ended.complete(null));
            String tag = channel.basicConsume(queue, options.autoAck(),
                    options.name() + "-" + UUID.randomUUID(), new Deliveries(channel, ended));
            return new Attempt(channel, tag, ended);
        } catch (IOException | RuntimeException e) {
            RabbitMqPublisher.closeQuietly(channel);
            throw e;
        }
    }

    /** Waits for the channel's end and subscribes again, until closed; starts by subscribing when not yet. */
    private void watch() {
        Attempt attempt = current;
        while (!closed) {
            if (attempt != null) {
                try {
                    attempt.ended().get();
                } catch (InterruptedException e) {
                    return;
                } catch (ExecutionException e) {
                    // never completed exceptionally; treat as ended
                }
            }
            while (!closed) {
                LOG.log(Level.WARNING, "rabbitmq: subscriber of {0} has no channel; subscribing again in {1} ms",
                        options.name(), options.reconnectWait().toMillis());
                try {
                    Thread.sleep(options.reconnectWait());
                    attempt = subscribeOnce();
                    current = attempt;
                    if (closed) {
                        RabbitMqPublisher.closeQuietly(attempt.channel());
                    }
                    break;
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | TimeoutException | RuntimeException e) {
                    LOG.log(Level.WARNING, "rabbitmq: subscribing to {0} again failed: {1}", options.name(),
                            RabbitMqConnector.message(e));
                }
            }
        }
    }

    private void process(Channel channel, Delivery delivery) {
        long tag = delivery.getEnvelope().getDeliveryTag();
        try {
            handler.handle(delivery);
            if (!options.autoAck()) {
                settle(channel, () -> channel.basicAck(tag, false), "acknowledging");
            }
        } catch (Exception e) {
            if (options.autoAck()) {
                LOG.log(Level.WARNING, "rabbitmq: a message of {0} failed and is lost (autoAck): {1}",
                        options.name(), e.getMessage());
                return;
            }
            LOG.log(Level.DEBUG, "rabbitmq: a message of {0} failed ({1}); {2}", options.name(), e.getMessage(),
                    options.requeueFailed() ? "requeueing it" : "rejecting it");
            if (options.requeueFailed()) {
                pause();
            }
            settle(channel, () -> channel.basicNack(tag, false, options.requeueFailed()), "rejecting");
        } finally {
            inFlight.exit();
        }
    }

    private interface Settlement {
        void run() throws IOException;
    }

    /** An ack or nack; on a channel that died meanwhile it cannot reach the broker, which redelivers the message. */
    private void settle(Channel channel, Settlement settlement, String what) {
        try {
            settlement.run();
        } catch (IOException | AlreadyClosedException e) {
            LOG.log(Level.DEBUG, "rabbitmq: {0} a message of {1} failed, it will come again: {2}", what,
                    options.name(), RabbitMqConnector.message(e));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REQUEUE_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops deliveries, waits for the running handlers, then closes the channel; unacknowledged messages return. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Attempt attempt = current;
        if (attempt != null) {
            try {
                if (attempt.channel().isOpen()) {
                    attempt.channel().basicCancel(attempt.consumerTag());
                }
            } catch (IOException | RuntimeException e) {
                // the channel is closing anyway
            }
        }
        inFlight.closeAndAwait();
        if (attempt != null) {
            RabbitMqPublisher.closeQuietly(attempt.channel());
        }
        watcher.interrupt();
        try {
            watcher.join(CLOSE_JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's callbacks for one channel's consumer. */
    private final class Deliveries extends DefaultConsumer {

        private final CompletableFuture<Void> ended;

        Deliveries(Channel channel, CompletableFuture<Void> ended) {
            super(channel);
            this.ended = ended;
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                byte[] body) {
            if (!inFlight.enter()) {
                return; // closing: the message returns to the queue when the channel closes
            }
            Delivery delivery = new Delivery(envelope, properties, body);
            if (options.parallel()) {
                Thread.ofVirtual().name("daprj-rabbitmq-handler").start(() -> process(getChannel(), delivery));
            } else {
                process(getChannel(), delivery);
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            // the broker cancelled us (queue deleted): close the channel, the watcher subscribes again
            LOG.log(Level.WARNING, "rabbitmq: the broker cancelled the consumer of {0}", options.name());
            Channel channel = getChannel();
            Thread.ofVirtual().start(() -> RabbitMqPublisher.closeQuietly(channel)); // not on the dispatch thread
            ended.complete(null);
        }
    }
}
