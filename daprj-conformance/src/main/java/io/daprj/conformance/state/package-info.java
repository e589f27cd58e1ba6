/**
 * The state store conformance suite, after the cases of Dapr's {@code tests/conformance/state}.
 *
 * <p>Starting point: {@link io.daprj.conformance.state.StateStoreConformance} — subclass it, return a fresh store
 * from {@code newStore()} and list the store's optional features in {@code expectedFeatures()}. Cases for ETag,
 * first-write, TTL and transactions run only for declared features; the suite also fails a store that declares a
 * feature it lacks or lacks one it should declare. The cases live in a chain of superclasses, one per feature
 * ({@code BasicStateCases}, {@code EtagStateCases}, {@code TtlStateCases}, {@code TransactionStateCases}) on
 * {@code StateStoreFixture}. {@link io.daprj.conformance.state.StateRequests} builds requests;
 * {@link io.daprj.conformance.state.ConformanceValue} lists the values round-tripped. The module's own tests run
 * the suite against a deliberately broken store to prove each case can fail.
 */
package io.daprj.conformance.state;
