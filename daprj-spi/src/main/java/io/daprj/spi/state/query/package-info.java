/**
 * Dapr's state query language, parsed: {@link io.daprj.spi.state.query.StateQuery} holds a
 * {@link io.daprj.spi.state.query.QueryFilter} tree (EQ, NEQ, GT, GTE, LT, LTE, IN, AND, OR over dot-separated paths
 * into the JSON value), sorting and paging. Stores that declare {@code QUERY_API} implement
 * {@link io.daprj.spi.state.query.QueryableStateStore}.
 */
package io.daprj.spi.state.query;
