/**
 * Answers Dapr state queries in memory over JSON values, for stores without a query language of their own
 * (in-memory, SQLite). Starting point: {@link io.daprj.components.core.query.JsonQueryEngine}.
 */
package io.daprj.components.core.query;
