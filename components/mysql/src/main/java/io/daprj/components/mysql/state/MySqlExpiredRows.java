package io.daprj.components.mysql.state;

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
final class MySqlExpiredRows implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MySqlExpiredRows.class.getName());

    private final DataSource db;
    private final MySqlStateTable table;
    private final String metadataTable;
    private final String turnKey;
    private final Duration interval;
    private ScheduledExecutorService timer;

    MySqlExpiredRows(DataSource db, MySqlStateTable table, MySqlStateMetadata metadata, Duration interval) {
        this.db = db;
        this.table = table;
        this.metadataTable = metadata.qualifiedMetadataTable();
        // Dapr keys the turn 'last-cleanup' for every table of the schema; per table, one never starves another
        this.turnKey = "last-cleanup-" + metadata.tableName();
        this.interval = interval;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("daprj-mysql-state-cleanup").factory());
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::cleanQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Deletes expired rows if this sidecar wins the turn; returns how many went, or -1 when it was not its turn. */
    int clean() throws SQLException {
        try (Connection c = db.getConnection()) {
            if (!claimTurn(c)) {
                return -1;
            }
            return table.deleteExpired(c);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Affected rows: 1 for the first turn ever, 2 for a turn taken over, 0 when the last one is too recent. */
    private boolean claimTurn(Connection c) throws SQLException {
        // 100 ms of slack, as Dapr allows, so a timer firing slightly early still gets its own turn
        try (PreparedStatement ps = table.prepare(c, "INSERT INTO " + metadataTable + " (id, value)"
                + " VALUES (?, CURRENT_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE value = IF(CURRENT_TIMESTAMP(6)"
                + " > DATE_ADD(value, INTERVAL ? MICROSECOND), CURRENT_TIMESTAMP(6), value)")) {
            ps.setString(1, turnKey);
            ps.setLong(2, Math.max(0, interval.toMillis() - 100) * 1000);
            return ps.executeUpdate() > 0;
        }
    }

    private void cleanQuietly() {
        try {
            int deleted = clean();
            if (deleted > 0) {
                LOG.log(Level.DEBUG, "deleted {0} expired state rows from {1}", deleted, table.name());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "expired state cleanup failed: " + e.getMessage(), e);
        }
    }
}
