/**
 * What the JDBC state stores ({@code state.postgresql}, {@code state.mysql}) share, free of any driver.
 *
 * <p>Starting point: {@link io.daprj.components.jdbc.PooledStateTable} — give it the store's connection pool, its
 * {@link io.daprj.components.jdbc.JdbcStateTable} (the SQL of one save and one delete) and how to report a
 * {@link java.sql.SQLException}; it runs reads and single writes on a borrowed connection and a transaction of
 * state operations as one database transaction, rolled back whole on any failure.
 * {@link io.daprj.components.jdbc.JdbcTransaction} runs {@link io.daprj.components.jdbc.SqlWork} (the work done with
 * one borrowed connection) as one transaction.
 */
package io.daprj.components.jdbc;
