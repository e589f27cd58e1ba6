package io.daprj.components.postgres.configuration;

import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationUpdate;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One subscription of {@code configuration.postgresql}: a connection of its own that has run {@code LISTEN
 * <channel>}, and a virtual thread that waits for notifications and hands each row of a watched key to the handler,
 * in the order PostgreSQL sent them. Like Dapr, it does not look at the notification's table: one channel per table.
 */
final class PostgresListenSubscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresListenSubscription.class.getName());
    private static final int WAIT_MILLIS = 250;

    private final String id;
    private final Set<String> keys;
    private final ConfigurationHandler handler;
    private final Connection connection;
    private final Thread listener;
    private volatile boolean closed;

    /** Listens on {@code channel} over {@code connection}, which it owns from now on; ready when this returns. */
    PostgresListenSubscription(String id, Connection connection, String channel, List<String> keys,
            ConfigurationHandler handler) throws SQLException {
        this.id = id;
        this.keys = Set.copyOf(keys);
        this.handler = handler;
        this.connection = connection;
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + channel);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        listener = Thread.ofVirtual().name("postgres-config-" + channel).start(this::listen);
    }

    private void listen() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (!closed) {
                PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    deliver(n.getParameter());
                }
            }
        } catch (SQLException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "configuration subscription {0} stopped: {1}", id, e.toString());
            }
        }
    }

    private void deliver(String payload) {
        PostgresNotification.parse(payload)
                .filter(row -> keys.isEmpty() || keys.contains(row.key()))
                .filter(row -> !closed)
                .ifPresent(row -> {
                    try {
                        handler.onUpdate(new ConfigurationUpdate(id, Map.of(row.key(), row.item())));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "configuration update of key {0} for subscription {1} failed: {2}",
                                row.key(), id, e.toString());
                    }
                });
    }

    /** Stops the listener; no handler call starts once this returns. Closing the connection ends the LISTEN. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing the connection of subscription {0}: {1}", id, e.toString());
        }
    }
}
