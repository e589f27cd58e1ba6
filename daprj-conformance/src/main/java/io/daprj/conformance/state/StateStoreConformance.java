package io.daprj.conformance.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import io.daprj.spi.state.TransactionalStateStore;
import org.junit.jupiter.api.Test;

/**
 * Dapr's state conformance cases, for every {@link StateStore}. A store's test subclasses this in a few lines: it
 * returns a fresh, initialised store from {@link #newStore()} and lists the optional features it supports in
 * {@link #expectedFeatures()}. Cases for ETag, first-write, TTL and transactions run only when declared; the suite
 * also checks that a store declares exactly what it supports, no more and no less.
 *
 * <p>Every test uses keys under its own random prefix, so a subclass may hand out stores that share one backend.
 * The cases are spread over a chain of superclasses only to keep files short: {@link BasicStateCases},
 * {@link EtagStateCases}, {@link TtlStateCases}, {@link TransactionStateCases}, {@link QueryStateCases}, on
 * {@link StateStoreFixture}.
 */
public abstract class StateStoreConformance extends QueryStateCases {

    @Test
    void declaresExactlyTheExpectedFeatures() {
        assertThat(expectedFeatures()).doesNotContain(StateFeature.ACTOR);
        assertThat(store.features()).containsExactlyInAnyOrderElementsOf(expectedFeatures());
    }

    @Test
    void neverDeclaresTheActorFeature() {
        assertThat(store.features()).doesNotContain(StateFeature.ACTOR);
    }

    @Test
    void declaresQueryExactlyWhenItImplementsQueries() {
        assertThat(store.features().contains(StateFeature.QUERY_API))
                .as("QUERY_API declared <=> implements QueryableStateStore")
                .isEqualTo(store instanceof io.daprj.spi.state.query.QueryableStateStore);
    }

    @Test
    void declaresTransactionalExactlyWhenItImplementsTransactions() {
        assertThat(store.features().contains(StateFeature.TRANSACTIONAL))
                .as("TRANSACTIONAL declared <=> implements TransactionalStateStore")
                .isEqualTo(store instanceof TransactionalStateStore);
    }
}
