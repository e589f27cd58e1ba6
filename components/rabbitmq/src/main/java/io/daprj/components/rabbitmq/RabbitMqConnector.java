package io.daprj.components.rabbitmq;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One AMQP connection to the broker, opened again on demand after it was lost: every caller asks for a channel, and
 * the first caller that finds the connection closed reconnects (the others wait for that attempt). Consumers are
 * dispatched on virtual threads, so a handler may block; the connection's own threads are virtual too. The client's own automatic recovery is off: the consumers
 * and publishers of this package re-declare their topology themselves after {@code reconnectWait}, as Dapr does, so
 * a delivery tag never outlives the channel it came from.
 *
 * <p>Thread safe.
 */
public final class RabbitMqConnector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RabbitMqConnector.class.getName());

    private static final Duration MIN_RECONNECT_WAIT = Duration.ofMillis(100);

    private final ConnectionFactory factory;
    private final String description;
    private final String clientName;
    private final ExecutorService dispatch = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("daprj-rabbitmq-dispatch-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private volatile boolean closed;

    /**
     * @param factory the configured factory (address, credentials, TLS, heartbeat); its executors are set here
     * @param description the broker's address without credentials, for messages
     * @param clientName the connection name the broker shows, or null
     */
    public RabbitMqConnector(ConnectionFactory factory, String description, String clientName) {
        this.factory = requireNonNull(factory, "factory");
        this.description = requireNonNull(description, "description");
        this.clientName = clientName;
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setSharedExecutor(dispatch);
        // the connection's reader and heartbeat threads: virtual, so they never hold the JVM open
        factory.setThreadFactory(Thread.ofVirtual().name("daprj-rabbitmq-io-", 0).factory());
    }

    /** Connects now, so that a bad address or bad credentials fail the component's init. */
    public void connect() {
        try {
            current();
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw new IllegalStateException("rabbitmq: error connecting to " + description + ": " + message(e), e);
        }
    }

    /** A new channel on the live connection, reconnecting first when the connection was lost. */
    public Channel openChannel() throws IOException, TimeoutException {
        Channel channel = current().createChannel();
        if (channel == null) {
            throw new IOException("rabbitmq: the connection to " + description + " has no free channel");
        }
        return channel;
    }

    /** True while the connection is up. */
    public boolean isOpen() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** The broker's address without credentials. */
    public String description() {
        return description;
    }

    private Connection current() throws IOException, TimeoutException {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("rabbitmq: the component is closed");
            }
            if (connection == null || !connection.isOpen()) {
                if (connection != null) {
                    LOG.log(Level.INFO, "rabbitmq: reconnecting to {0}", description);
                }
                connection = factory.newConnection(clientName);
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection and with it every channel; idempotent. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            if (connection != null && connection.isOpen()) {
                connection.abort(2_000);
            }
            connection = null;
        } finally {
            lock.unlock();
        }
        dispatch.shutdown();
    }

    /**
     * The pause before reconnecting: the first of Dapr's keys that is set, else {@code fallback}; at least 100 ms, so
     * that Dapr's {@code 0} does not spin.
     */
    public static Duration reconnectWait(Optional<Duration> key,
            Optional<Duration> alias, Duration fallback) {
        Duration wait = key.or(() -> alias).orElse(fallback);
        return wait.compareTo(MIN_RECONNECT_WAIT) < 0 ? MIN_RECONNECT_WAIT : wait;
    }

    /** The exception's message, or its class name when it has none (the client's timeouts have none). */
    public static String message(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
