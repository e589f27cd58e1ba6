package io.daprj.components.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * Publishes on a pool of channels, one channel per publish at a time, so publishes run in parallel and a confirm
 * wait sees only its own message. With confirms each publish returns once the broker confirmed it; without, once
 * the message was written to the connection (Dapr's {@code publisherConfirm: false}). A failed attempt drops its
 * channel and is tried again on a fresh one — after {@code reconnectWait} when the connection was lost — up to three
 * attempts in all, as Dapr does; the last failure is thrown.
 *
 * <p>Thread safe. Callers block (virtual threads).
 */
public final class RabbitMqPublisher {

    private static final System.Logger LOG = System.getLogger(RabbitMqPublisher.class.getName());
    private static final int ATTEMPTS = 3;
    private static final int MAX_CHANNELS = 64;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    /** Declares what a publish needs (an exchange, a queue), once per channel and key. */
    @FunctionalInterface
    public interface Declaration {
        void declare(Channel channel) throws IOException;
    }

    private record PooledChannel(Channel channel, Set<String> declared) {}

    private final RabbitMqConnector connector;
    private final boolean confirms;
    private final Duration reconnectWait;
    private final ConcurrentLinkedDeque<PooledChannel> idle = new ConcurrentLinkedDeque<>();
    private final Semaphore slots = new Semaphore(MAX_CHANNELS);

    public RabbitMqPublisher(RabbitMqConnector connector, boolean confirms, Duration reconnectWait) {
        this.connector = requireNonNull(connector, "connector");
        this.confirms = confirms;
        this.reconnectWait = requireNonNull(reconnectWait, "reconnectWait");
    }

    /**
     * Publishes {@code body} to {@code exchange} with {@code routingKey}, first running {@code declaration} (under
     * {@code declarationKey}) on the channel if that channel has not run it yet.
     *
     * @throws IllegalStateException when every attempt failed
     */
    public void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
            String declarationKey, Declaration declaration) {
        Exception last = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !connector.isClosed(); attempt++) {
            if (attempt > 1 && !connector.isOpen()) {
                LOG.log(Level.WARNING, "rabbitmq: publisher is reconnecting in {0} ms", reconnectWait.toMillis());
                if (!sleep(reconnectWait)) {
                    break;
                }
            }
            try {
                publishOnce(exchange, routingKey, properties, body, declarationKey, declaration);
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                last = e;
                LOG.log(Level.DEBUG, "rabbitmq: publishing to {0} failed (attempt {1} of {2}): {3}", exchange,
                        attempt, ATTEMPTS, RabbitMqConnector.message(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rabbitmq: publishing to '" + exchange + "' was interrupted", e);
            }
        }
        throw new IllegalStateException("rabbitmq: publishing to '" + exchange + "' failed: "
                + (last == null ? "the component is closed" : RabbitMqConnector.message(last)), last);
    }

    private void publishOnce(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
            String declarationKey, Declaration declaration)
            throws IOException, TimeoutException, InterruptedException {
        slots.acquire();
        PooledChannel pooled = null;
        boolean healthy = false;
        try {
            pooled = borrow();
            if (!pooled.declared().contains(declarationKey)) {
                declaration.declare(pooled.channel());
                pooled.declared().add(declarationKey);
            }
            pooled.channel().basicPublish(exchange, routingKey, false, properties, body);
            if (confirms) {
                pooled.channel().waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            }
            healthy = true;
        } finally {
            if (pooled != null) {
                if (healthy && pooled.channel().isOpen()) {
                    idle.push(pooled);
                } else {
                    closeQuietly(pooled.channel());
                }
            }
            slots.release();
        }
    }

    private PooledChannel borrow() throws IOException, TimeoutException {
        for (PooledChannel p = idle.poll(); p != null; p = idle.poll()) {
            if (p.channel().isOpen()) {
                return p;
            }
        }
        Channel channel = connector.openChannel();
        if (confirms) {
            channel.confirmSelect();
        }
        return new PooledChannel(channel, new HashSet<>());
    }

    static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.abort();
            }
        } catch (IOException | RuntimeException e) {
            // the channel is gone either way
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
