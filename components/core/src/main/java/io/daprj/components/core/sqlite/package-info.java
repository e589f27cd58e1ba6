/**
 * What the SQLite components share: where the database is, how connections are held, how time is stored.
 *
 * <p>Starting points: {@link io.daprj.components.core.sqlite.SqliteLocation} (Dapr's {@code connectionString}),
 * {@link io.daprj.components.core.sqlite.SqliteConnections} (the connections and the write lock),
 * {@link io.daprj.components.core.sqlite.SqliteTimestamps} (Dapr-compatible timestamp text).
 *
 * <p>Why no HikariCP: SQLite serialises writers per file, so a pool of writers buys nothing; one writer connection
 * behind an in-process lock plus four readers (WAL lets them read beside the writer) is all the concurrency the
 * file offers. A fixed set with a blocking queue is a few lines, has no housekeeping threads, and blocking is cheap
 * because callers are virtual threads. Between processes SQLite's own locking and {@code busyTimeout} arbitrate.
 * These classes are public only so the state, pub/sub, lock and name resolution packages can share them.
 */
package io.daprj.components.core.sqlite;
