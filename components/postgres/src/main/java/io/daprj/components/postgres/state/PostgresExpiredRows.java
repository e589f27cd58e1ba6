package io.daprj.components.postgres.state;

import io.daprj.components.jdbc.JdbcTransaction;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Deletes expired rows every {@code interval}. Sidecars sharing the table take turns, as in Dapr: the metadata table
 * keeps the time of the last cleanup, and only the sidecar that moves it forward after a full interval cleans.
 * Failures are logged and retried at the next interval. Thread safe.
 */
final class PostgresExpiredRows implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresExpiredRows.class.getName());

    private final DataSource db;
    private final PostgresStateTable table;
    private final String metadataTable;
    private final Duration interval;
    private ScheduledExecutorService timer;

    PostgresExpiredRows(DataSource db, PostgresStateTable table, String metadataTable, Duration interval) {
        this.db = db;
        this.table = table;
        this.metadataTable = metadataTable;
        this.interval = interval;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("daprj-postgres-state-cleanup").factory());
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::cleanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Deletes expired rows if this sidecar wins the turn; returns how many went, or -1 when it was not its turn. */
    int clean() throws SQLException {
        try (Connection c = db.getConnection()) {
            return JdbcTransaction.run(c, tx -> claimTurn(tx) ? table.deleteExpired(tx) : -1);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Moves the last-cleanup time to now unless another sidecar did so less than an interval ago. */
    private boolean claimTurn(Connection c) throws SQLException {
        // 100 ms of slack, as Dapr allows, so a timer firing slightly early still gets its own turn
        try (PreparedStatement ps = table.prepare(c, "INSERT INTO " + metadataTable + " AS m (key, value)"
                + " VALUES (?, now()::text) ON CONFLICT (key) DO UPDATE SET value = now()::text"
                + " WHERE now() - m.value::timestamp with time zone > ? * interval '1 millisecond'")) {
            ps.setString(1, table.layout().lastCleanupKey());
            ps.setLong(2, Math.max(0, interval.toMillis() - 100));
            return ps.executeUpdate() == 1;
        }
    }

    private void cleanQuietly() {
        try {
            int deleted = clean();
            if (deleted > 0) {
                LOG.log(Level.DEBUG, "deleted {0} expired state rows from {1}", deleted, table.layout().table());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "expired state cleanup failed: " + e.getMessage(), e);
        }
    }
}
