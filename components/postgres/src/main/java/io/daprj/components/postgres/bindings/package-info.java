/**
 * {@code bindings.postgresql}: Dapr's PostgreSQL output binding ({@code exec}, {@code query}, {@code close}).
 *
 * <p>Starting points: {@link io.daprj.components.postgres.bindings.PostgresOutputBinding} and its provider; the
 * operations themselves are {@code daprj-components-jdbc}'s {@code SqlOutputBinding}, shared with
 * {@code bindings.mysql}. The connection string is read as {@code state.postgresql} reads it.
 *
 * <p>Differences from Dapr: {@code uuid} columns are answered as strings (Dapr's pgx answers an array of 16
 * numbers) and {@code time}/{@code interval} as text; Azure AD and AWS IAM authentication are not supported.
 */
package io.daprj.components.postgres.bindings;
