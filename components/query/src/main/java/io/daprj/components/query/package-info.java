/**
 * Answers Dapr state queries in memory over JSON values, for stores without a query language of their own
 * (in-memory, SQLite, PostgreSQL). Starting point: {@link io.daprj.components.query.JsonQueryEngine}.
 */
package io.daprj.components.query;
