package io.daprj.components.core.lock;

import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.components.core.sqlite.SqliteLocation;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.LockStore;
import io.daprj.spi.lock.UnlockStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * {@code lock.sqlite}: locks as rows ({@code resource}, {@code owner}, {@code expires_at} in Unix milliseconds) of
 * one SQLite file, so the sidecars of one machine that share the file share the locks. Dapr has no such store.
 *
 * <p>Thread safe and safe between processes: each call is one {@code BEGIN IMMEDIATE} transaction, which SQLite
 * serialises across every connection to the file. Expiry uses the wall clock, which processes of one machine share.
 * A row whose expiry has passed counts as absent; try-lock deletes such rows before inserting, so the table holds
 * little more than the live locks. SQLite failures surface as {@code UncheckedSqlException} (internal errors).
 */
public final class SqliteLockStore implements LockStore {

    private SqliteConnections db;
    private String table;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        SqliteLockMetadata metadata = componentMetadata.bind(SqliteLockMetadata.class);
        table = metadata.tableName();
        db = SqliteConnections.open(SqliteLocation.parse(metadata.connectionString()), metadata.timeout(),
                metadata.busyTimeout(), metadata.disableWAL());
        db.transact(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table + " (resource TEXT NOT NULL PRIMARY KEY,"
                        + " owner TEXT NOT NULL, expires_at INTEGER NOT NULL)");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS " + table + "_expires_at_idx ON " + table + " (expires_at)");
            }
            return null;
        });
    }

    @Override
    public boolean tryLock(String resourceId, String owner, Duration expiry) {
        long now = System.currentTimeMillis();
        return db.transact(c -> {
            try (PreparedStatement expired = db.prepare(c, "DELETE FROM " + table + " WHERE expires_at <= ?")) {
                expired.setLong(1, now);
                expired.executeUpdate();
            }
            try (PreparedStatement insert = db.prepare(c, "INSERT OR IGNORE INTO " + table
                    + " (resource, owner, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, resourceId);
                insert.setString(2, owner);
                insert.setLong(3, now + expiry.toMillis());
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public UnlockStatus unlock(String resourceId, String owner) {
        long now = System.currentTimeMillis();
        return db.transact(c -> {
            String holder = liveOwner(c, resourceId, now);
            if (holder == null) {
                return UnlockStatus.LOCK_DOES_NOT_EXIST;
            }
            if (!holder.equals(owner)) {
                return UnlockStatus.LOCK_BELONGS_TO_OTHERS;
            }
            try (PreparedStatement delete = db.prepare(c, "DELETE FROM " + table + " WHERE resource = ?")) {
                delete.setString(1, resourceId);
                delete.executeUpdate();
            }
            return UnlockStatus.SUCCESS;
        });
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }

    /** The owner of an unexpired lock on {@code resourceId}, or null. */
    private String liveOwner(Connection c, String resourceId, long now) throws SQLException {
        try (PreparedStatement select = db.prepare(c,
                "SELECT owner FROM " + table + " WHERE resource = ? AND expires_at > ?")) {
            select.setString(1, resourceId);
            select.setLong(2, now);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
