package io.daprj.components.core.sqlite;

import static java.util.Objects.requireNonNull;

import io.daprj.components.jdbc.JdbcTransaction;
import io.daprj.components.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * A small fixed set of connections to one SQLite database: one writer, used by one caller at a time, and a few
 * readers. SQLite admits one writer per file anyway; queueing writers here, in process, is fairer and faster than
 * letting them spin in SQLite's busy handler, which is left to arbitrate between processes.
 *
 * <p>Thread safe. Callers block (they are virtual threads); waiting longer than {@code timeout} for a connection
 * fails with {@link UncheckedSqlException}. Each statement also gets {@code timeout} as its query timeout.
 */
public final class SqliteConnections implements AutoCloseable {

    private static final int READERS = 4;

    private final Connection writer;
    private final ReentrantLock writerLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> idleReaders;
    private final List<Connection> all = new ArrayList<>();
    private final Duration timeout;
    private final boolean readsUseWriter;

    private SqliteConnections(Connection writer, List<Connection> readers, Duration timeout) {
        this.writer = writer;
        this.readsUseWriter = readers.isEmpty();
        this.timeout = timeout;
        this.idleReaders = new ArrayBlockingQueue<>(Math.max(1, readers.size()));
        idleReaders.addAll(readers);
        all.add(writer);
        all.addAll(readers);
    }

    /**
     * Opens the connections, in WAL mode unless {@code disableWal} (WAL lets readers run beside the writer and other
     * processes; Dapr turns it off for network file systems). An in-memory database gets the writer only.
     */
    public static SqliteConnections open(SqliteLocation location, Duration timeout, Duration busyTimeout,
            boolean disableWal) {
        requireNonNull(location, "location");
        location.createParentDirectories();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.setJournalMode(location.inMemory() ? SQLiteConfig.JournalMode.MEMORY
                : disableWal ? SQLiteConfig.JournalMode.DELETE : SQLiteConfig.JournalMode.WAL);
        // BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way on a lock upgrade
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = connect(location, config);
            opened.add(writer);
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; !location.inMemory() && i < READERS; i++) {
                readers.add(connect(location, config));
                opened.add(readers.getLast());
            }
            return new SqliteConnections(writer, readers, timeout);
        } catch (SQLException e) {
            opened.forEach(SqliteConnections::closeQuietly);
            throw new UncheckedSqlException("cannot open SQLite database " + location.jdbcUrl(), e);
        }
    }

    /** Runs read-only {@code work}; it sees every write committed before it started. */
    public <T> T read(SqlWork<T> work) {
        if (readsUseWriter) {
            return write(work);
        }
        Connection reader = borrowReader();
        try {
            return work.apply(reader);
        } catch (SQLException e) {
            throw new UncheckedSqlException("SQLite read failed", e);
        } finally {
            idleReaders.add(reader);
        }
    }

    /** Runs {@code work} on the writer in auto-commit mode: each statement commits on its own. */
    public <T> T write(SqlWork<T> work) {
        lockWriter();
        try {
            return work.apply(writer);
        } catch (SQLException e) {
            throw new UncheckedSqlException("SQLite write failed", e);
        } finally {
            writerLock.unlock();
        }
    }

    /** Runs {@code work} in one transaction on the writer; any exception rolls everything back and is rethrown. */
    public <T> T transact(SqlWork<T> work) {
        lockWriter();
        try {
            return JdbcTransaction.run(writer, work);
        } catch (SQLException e) {
            throw new UncheckedSqlException("SQLite transaction failed", e);
        } finally {
            writerLock.unlock();
        }
    }

    /** A statement with the configured query timeout. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        return statement;
    }

    @Override
    public void close() {
        all.forEach(SqliteConnections::closeQuietly);
    }

    private void lockWriter() {
        try {
            if (!writerLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UncheckedSqlException("SQLite busy",
                        new SQLException("no write connection free within " + timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedSqlException("SQLite write interrupted", new SQLException(e));
        }
    }

    private Connection borrowReader() {
        try {
            Connection reader = idleReaders.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reader == null) {
                throw new UncheckedSqlException("SQLite busy",
                        new SQLException("no read connection free within " + timeout));
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedSqlException("SQLite read interrupted", new SQLException(e));
        }
    }

    private static Connection connect(SqliteLocation location, SQLiteConfig config) throws SQLException {
        return DriverManager.getConnection(location.jdbcUrl(), config.toProperties());
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to do with the error
        }
    }
}
