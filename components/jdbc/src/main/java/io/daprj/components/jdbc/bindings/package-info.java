/**
 * What Dapr's SQL output bindings ({@code bindings.postgresql}, {@code bindings.mysql}) share, free of any driver.
 *
 * <p>Starting point: {@link io.daprj.components.jdbc.bindings.SqlOutputBinding} — a subclass opens the pool and
 * picks the row shape of {@code query} from {@link io.daprj.components.jdbc.bindings.SqlRowsJson} (arrays for
 * PostgreSQL, objects keyed by column for MySQL); {@code SqlParameters} binds {@code params}, {@code SqlColumnValue}
 * turns a column into the JSON value Dapr's Go drivers produce.
 */
package io.daprj.components.jdbc.bindings;
