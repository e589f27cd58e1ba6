package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.delete;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static io.daprj.conformance.state.StateRequests.setWithTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.TransactionalStateStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases for stores declaring {@link StateFeature#TRANSACTIONAL}: many writes applied in order, all or nothing.
 * Part of {@link StateStoreConformance}; extend that, not this.
 */
public abstract class TransactionStateCases extends TtlStateCases {

    @Test
    void transactionUpsertsAndDeletesManyKeys() {
        TransactionalStateStore txStore = transactional();
        store.bulkSet(List.of(set(key("old-1"), "1"), set(key("old-2"), "2")));
        txStore.transact(List.of(set(key("new-1"), "10"), delete(key("old-1")), set(key("new-2"), "20"),
                delete(key("old-2")), set(key("new-3"), "30")), Map.of());
        assertThat(List.of(text(key("new-1")), text(key("new-2")), text(key("new-3"))))
                .containsExactly("10", "20", "30");
        assertThat(store.get(get(key("old-1")))).isEmpty();
        assertThat(store.get(get(key("old-2")))).isEmpty();
    }

    @Test
    void transactionDeleteOfAMissingKeySucceeds() {
        transactional().transact(List.of(delete(key("never-written")), set(key("k"), "1")), Map.of());
        assertThat(text(key("k"))).isEqualTo("1");
    }

    @Test
    void transactionAppliesOperationsInOrder() {
        transactional().transact(List.of(set(key("k"), "1"), delete(key("k")), set(key("k"), "2"),
                set(key("gone"), "1"), delete(key("gone"))), Map.of());
        assertThat(text(key("k"))).isEqualTo("2");
        assertThat(store.get(get(key("gone")))).isEmpty();
    }

    @Test
    void emptyTransactionSucceeds() {
        transactional().transact(List.of(), Map.of());
    }

    @Test
    void transactionWithCurrentEtagSucceeds() {
        TransactionalStateStore txStore = transactional();
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        txStore.transact(List.of(setWithEtag(key("k"), "2", etag(key("k"))), set(key("other"), "3")), Map.of());
        assertThat(List.of(text(key("k")), text(key("other")))).containsExactly("2", "3");
    }

    @Test
    void etagMismatchAbortsTheWholeTransaction() {
        TransactionalStateStore txStore = transactional();
        requireFeature(StateFeature.ETAG);
        store.bulkSet(List.of(set(key("k"), "1"), set(key("doomed"), "1")));
        String stale = etag(key("k"));
        store.set(set(key("k"), "2"));
        List<StateOperation> ops = List.of(set(key("new"), "1"), delete(key("doomed")),
                setWithEtag(key("k"), "3", stale));
        assertThatThrownBy(() -> txStore.transact(ops, Map.of())).isInstanceOf(ETagMismatchException.class);
        assertThat(store.get(get(key("new")))).isEmpty();
        assertThat(text(key("doomed"))).isEqualTo("1");
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void badTtlAbortsTheWholeTransaction() {
        TransactionalStateStore txStore = transactional();
        requireFeature(StateFeature.TTL);
        List<StateOperation> ops = List.of(set(key("a"), "1"), setWithTtl(key("b"), "2", "abc"));
        assertThatThrownBy(() -> txStore.transact(ops, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(get(key("a")))).isEmpty();
    }
}
