/**
 * {@code state.postgresql} on JDBC and HikariCP, in Dapr's own table layouts so that daprj and daprd can share a
 * database.
 *
 * <p>Starting points: {@link io.daprj.components.postgres.state.PostgresStateStore} and its provider. The SQL common
 * to both layouts is in {@code PostgresStateTable}; what differs is in {@code PostgresV1Layout} (jsonb, ETag
 * {@code xmin}) and {@code PostgresV2Layout} (bytea, ETag uuid). {@code PostgresMigrations} creates or upgrades the
 * table with Dapr's bookkeeping; {@code PostgresExpiredRows} deletes expired rows; {@code PostgresConnectionString}
 * reads the URL, key=value and JDBC forms of {@code connectionString}. Pooled calls and transactions are
 * {@code daprj-components-jdbc}'s {@code PooledStateTable}, shared with {@code state.mysql}.
 *
 * <p>Differences from Dapr's store: v1 writes every value base64-encoded ({@code isbinary = true}, as Dapr does for
 * values arriving over gRPC) because jsonb would not keep bytes exact; v1's last-cleanup key names its table;
 * deleting with an ETag fails for an expired row; queries are filtered in the sidecar by the shared JSON query
 * engine ({@code daprj-components-query}), because the values are not jsonb.
 */
package io.daprj.components.postgres.state;
