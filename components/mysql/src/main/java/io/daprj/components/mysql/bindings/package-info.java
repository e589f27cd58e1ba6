/**
 * {@code bindings.mysql}: Dapr's MySQL output binding ({@code exec}, {@code query}, {@code close}) for MySQL and
 * MariaDB servers, on the MariaDB JDBC driver.
 *
 * <p>Starting points: {@link io.daprj.components.mysql.bindings.MySqlOutputBinding} and its provider; the
 * operations themselves are {@code daprj-components-jdbc}'s {@code SqlOutputBinding}, shared with
 * {@code bindings.postgresql}. The {@code url} (Go's DSN) is read as {@code state.mysql} reads its connection string.
 *
 * <p>Differences from Dapr: {@code DECIMAL} columns are answered as JSON numbers and {@code TIME} columns as text,
 * where Dapr's Go driver answers their raw bytes base64-encoded; pool settings follow HikariCP's floors (see the
 * metadata).
 */
package io.daprj.components.mysql.bindings;
