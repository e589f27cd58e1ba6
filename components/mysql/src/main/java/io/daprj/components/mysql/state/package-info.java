/**
 * {@code state.mysql} on the MariaDB JDBC driver and HikariCP, for MySQL and MariaDB servers, in Dapr's table layout
 * so that daprj and daprd can share a database.
 *
 * <p>Starting points: {@link io.daprj.components.mysql.state.MySqlStateStore} and its provider. The SQL is in
 * {@code MySqlStateTable}, table creation and upgrades in {@code MySqlSchema}, expired-row cleanup in
 * {@code MySqlExpiredRows}; {@code MySqlConnectionString} reads Go's DSN form of {@code connectionString}. Pooled
 * calls and transactions are {@code daprj-components-jdbc}'s {@code PooledStateTable}, shared with
 * {@code state.postgresql}.
 *
 * <p>Differences from Dapr's store: new tables compare keys byte for byte (Dapr's inherit the server's
 * case-insensitive collation); every value is written base64-encoded ({@code isbinary = 1}, as Dapr does for values
 * arriving over gRPC) because a JSON column would not keep bytes exact; first-write replaces an expired row that
 * cleanup has not deleted yet; the cleanup turn is kept per table; tables are addressed as {@code schema.table}
 * instead of reconnecting to {@code schemaName}.
 */
package io.daprj.components.mysql.state;
