package io.daprj.runtime.jobs;

import com.google.protobuf.InvalidProtocolBufferException;
import io.dapr.v1.DaprJobsProtos.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Jobs in a SQLite file, one row per (namespace, app id, name) holding the protobuf {@code Job} and the trigger
 * state. One connection, used under a lock; the file may be shared by the sidecars of one machine.
 */
public final class SqliteJobStore implements JobStore {

    private static final String COLUMNS = "job, created_ms, next_ms, fired, attempts, generation";

    private final Path file;
    private Connection db;
    private final String namespace;
    private final String appId;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * The store in {@code file} for the jobs of {@code appId} in {@code namespace}. The file is created on the first
     * write, so a sidecar whose app schedules no job leaves no file behind (and a read-only home costs only jobs).
     */
    public SqliteJobStore(Path file, String namespace, String appId) {
        this.file = file;
        this.namespace = namespace;
        this.appId = appId;
    }

    /** The open connection; null when reading a store whose file does not exist yet. Call under the lock. */
    private Connection connection(boolean write) throws SQLException {
        if (db != null || (!write && !Files.exists(file))) {
            return db;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e, e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE IF NOT EXISTS jobs (namespace TEXT NOT NULL, app_id TEXT NOT NULL, "
                    + "name TEXT NOT NULL, job BLOB NOT NULL, created_ms INTEGER NOT NULL, next_ms INTEGER NOT NULL, "
                    + "fired INTEGER NOT NULL, attempts INTEGER NOT NULL, generation INTEGER NOT NULL, "
                    + "PRIMARY KEY (namespace, app_id, name))");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        db = c;
        return db;
    }

    @Override
    public boolean put(StoredJob job, boolean overwrite) {
        String verb = overwrite ? "INSERT OR REPLACE" : "INSERT OR IGNORE";
        return update(verb + " INTO jobs (namespace, app_id, name, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(3, job.name());
                    ps.setBytes(4, job.job().toByteArray());
                    ps.setLong(5, job.created().toEpochMilli());
                    ps.setLong(6, millis(job.next()));
                    ps.setInt(7, job.fired());
                    ps.setInt(8, job.attempts());
                    ps.setLong(9, job.generation());
                }) > 0;
    }

    @Override
    public Optional<StoredJob> get(String name) {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE namespace = ? AND app_id = ? AND name = ?",
                ps -> ps.setString(3, name)).stream().findFirst();
    }

    @Override
    public void delete(String name) {
        update("DELETE FROM jobs WHERE namespace = ? AND app_id = ? AND name = ?", ps -> ps.setString(3, name));
    }

    @Override
    public List<StoredJob> list() {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE namespace = ? AND app_id = ? ORDER BY name", ps -> {});
    }

    @Override
    public void deleteByPrefix(String prefix) {
        update("DELETE FROM jobs WHERE namespace = ? AND app_id = ? AND substr(name, 1, ?) = ?", ps -> {
            ps.setInt(3, prefix.length());
            ps.setString(4, prefix);
        });
    }

    @Override
    public List<StoredJob> due(Instant now) {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE namespace = ? AND app_id = ? AND next_ms <= ? "
                + "ORDER BY next_ms", ps -> ps.setLong(3, now.toEpochMilli()));
    }

    @Override
    public Optional<Instant> earliest() {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE namespace = ? AND app_id = ? ORDER BY next_ms LIMIT 1",
                ps -> {}).stream().findFirst().map(StoredJob::next);
    }

    @Override
    public void progress(StoredJob job) {
        update("UPDATE jobs SET next_ms = ?, fired = ?, attempts = ? WHERE namespace = ? AND app_id = ? AND name = ? "
                + "AND generation = ?", 4, ps -> {
                    ps.setLong(1, millis(job.next()));
                    ps.setInt(2, job.fired());
                    ps.setInt(3, job.attempts());
                    ps.setString(6, job.name());
                    ps.setLong(7, job.generation());
                });
    }

    @Override
    public void remove(StoredJob job) {
        update("DELETE FROM jobs WHERE namespace = ? AND app_id = ? AND name = ? AND generation = ?", ps -> {
            ps.setString(3, job.name());
            ps.setLong(4, job.generation());
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    private static long millis(Instant at) {
        return at.equals(Instant.MAX) ? Long.MAX_VALUE : at.toEpochMilli();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return update(sql, 1, binder);
    }

    /** Runs {@code sql} with namespace and app id bound at {@code scopeAt} and {@code scopeAt + 1}. */
    private int update(String sql, int scopeAt, Binder binder) {
        lock.lock();
        try (PreparedStatement ps = connection(true).prepareStatement(sql)) {
            ps.setString(scopeAt, namespace);
            ps.setString(scopeAt + 1, appId);
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private List<StoredJob> query(String sql, Binder binder) {
        lock.lock();
        try {
            Connection c = connection(false);
            return c == null ? List.of() : query(c, sql, binder);
        } catch (SQLException | InvalidProtocolBufferException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private List<StoredJob> query(Connection c, String sql, Binder binder)
            throws SQLException, InvalidProtocolBufferException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, namespace);
            ps.setString(2, appId);
            binder.bind(ps);
            List<StoredJob> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long next = rs.getLong(3);
                    jobs.add(new StoredJob(Job.parseFrom(rs.getBytes(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            next == Long.MAX_VALUE ? Instant.MAX : Instant.ofEpochMilli(next), rs.getInt(4),
                            rs.getInt(5), rs.getLong(6)));
                }
            }
            return jobs;
        }
    }
}
