/**
 * The state store contract, after Dapr's components-contrib {@code state.Store}.
 *
 * <p>Starting points: {@link io.daprj.spi.state.StateStore} (get, set, delete, bulk), the optional
 * {@link io.daprj.spi.state.TransactionalStateStore}, and {@link io.daprj.spi.state.StateFeature} — the features a
 * store declares are exactly the ones it supports, and the conformance suite checks both ways. Keys arrive already
 * prefixed by the runtime ({@code appId||key}); a store never interprets them. ETag conflicts are reported with
 * {@link io.daprj.spi.state.ETagMismatchException} and unusable ETags with
 * {@link io.daprj.spi.state.ETagInvalidException}; TTL comes as the request metadata {@code ttlInSeconds}, read
 * with {@link io.daprj.spi.state.StateTtl}.
 */
package io.daprj.spi.state;
