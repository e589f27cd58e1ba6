package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.delete;
import static io.daprj.conformance.state.StateRequests.deleteWithEtag;
import static io.daprj.conformance.state.StateRequests.firstWrite;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.state.BulkStateException;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateFeature;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cases for stores declaring {@link StateFeature#ETAG}: optimistic concurrency on set and delete, single and bulk,
 * and first-write. Part of {@link StateStoreConformance}; extend that, not this.
 */
public abstract class EtagStateCases extends BasicStateCases {

    @Test
    void getReturnsAnEtagAfterSet() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        assertThat(etag(key("k"))).isNotBlank();
    }

    @Test
    void updateWithWrongEtagFailsAndKeepsTheValue() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String stale = etag(key("k"));
        store.set(set(key("k"), "2"));
        assertThatThrownBy(() -> store.set(setWithEtag(key("k"), "3", stale)))
                .isInstanceOf(ETagMismatchException.class);
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void updateWithCurrentEtagSucceedsAndChangesTheEtag() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String before = etag(key("k"));
        store.set(setWithEtag(key("k"), "2", before));
        assertThat(text(key("k"))).isEqualTo("2");
        assertThat(etag(key("k"))).isNotEqualTo(before);
    }

    @Test
    void updateOfAMissingKeyWithEtagFails() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String etag = etag(key("k"));
        assertThatThrownBy(() -> store.set(setWithEtag(key("other"), "2", etag)))
                .isInstanceOf(ETagMismatchException.class);
        assertThat(store.get(get(key("other")))).isEmpty();
    }

    @Test
    void bulkSetWithOneWrongEtagAppliesTheOthers() {
        requireFeature(StateFeature.ETAG);
        store.bulkSet(List.of(set(key("a"), "1"), set(key("b"), "1"), set(key("c"), "1")));
        String etagA = etag(key("a"));
        String staleB = etag(key("b"));
        store.set(set(key("b"), "2"));
        assertThatThrownBy(() -> store.bulkSet(List.of(
                        setWithEtag(key("a"), "10", etagA), setWithEtag(key("b"), "10", staleB), set(key("c"), "10"))))
                .isInstanceOfSatisfying(BulkStateException.class, e -> {
                    assertThat(e.failures()).extracting(BulkStateException.Failure::key).containsExactly(key("b"));
                    assertThat(e.allETagMismatches()).isTrue();
                });
        assertThat(List.of(text(key("a")), text(key("b")), text(key("c")))).containsExactly("10", "2", "10");
    }

    @Test
    void bulkDeleteWithOneWrongEtagDeletesTheOthers() {
        requireFeature(StateFeature.ETAG);
        store.bulkSet(List.of(set(key("a"), "1"), set(key("b"), "1")));
        String etagA = etag(key("a"));
        String staleB = etag(key("b"));
        store.set(set(key("b"), "2"));
        assertThatThrownBy(() -> store.bulkDelete(List.of(deleteWithEtag(key("a"), etagA),
                        deleteWithEtag(key("b"), staleB))))
                .isInstanceOfSatisfying(BulkStateException.class, e -> assertThat(e.failures())
                        .extracting(BulkStateException.Failure::key).containsExactly(key("b")));
        assertThat(store.get(get(key("a")))).isEmpty();
        assertThat(text(key("b"))).isEqualTo("2");
    }

    @Test
    void deleteWithWrongEtagFailsAndKeepsTheKey() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String stale = etag(key("k"));
        store.set(set(key("k"), "2"));
        assertThatThrownBy(() -> store.delete(deleteWithEtag(key("k"), stale)))
                .isInstanceOf(ETagMismatchException.class);
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void deleteWithCurrentEtagRemovesTheKey() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        store.delete(deleteWithEtag(key("k"), etag(key("k"))));
        assertThat(store.get(get(key("k")))).isEmpty();
    }

    @Test
    void deleteOfAMissingKeyWithEtagFails() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String etag = etag(key("k"));
        store.delete(delete(key("k")));
        assertThatThrownBy(() -> store.delete(deleteWithEtag(key("k"), etag)))
                .isInstanceOf(ETagMismatchException.class);
    }

    @Test
    void etagTheStoreCannotHaveProducedIsRejected() {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "1"));
        String foreign = "not-an-etag-of-this-store-\u2603";
        assertThatThrownBy(() -> store.set(setWithEtag(key("k"), "2", foreign))).isInstanceOf(foreignEtagException());
        assertThatThrownBy(() -> store.delete(deleteWithEtag(key("k"), foreign))).isInstanceOf(foreignEtagException());
        assertThat(text(key("k"))).isEqualTo("1");
    }

    @Test
    void concurrentUpdatesWithTheSameEtagLetExactlyOneWin() throws Exception {
        requireFeature(StateFeature.ETAG);
        store.set(set(key("k"), "0"));
        String etag = etag(key("k"));
        List<Boolean> wins = race(16, i -> () -> {
            store.set(setWithEtag(key("k"), String.valueOf(i), etag));
            return true;
        });
        assertThat(wins).containsOnlyOnce(true);
    }

    @Test
    void firstWriteOfANewKeySucceeds() {
        requireFeature(StateFeature.ETAG);
        store.set(firstWrite(key("k"), "1", Optional.empty()));
        assertThat(text(key("k"))).isEqualTo("1");
    }

    @Test
    void secondWriteWithoutEtagFailsUnderFirstWrite() {
        requireFeature(StateFeature.ETAG);
        store.set(firstWrite(key("k"), "1", Optional.empty()));
        assertThatThrownBy(() -> store.set(firstWrite(key("k"), "2", Optional.empty())))
                .isInstanceOf(ETagMismatchException.class);
        assertThat(text(key("k"))).isEqualTo("1");
    }

    @Test
    void firstWriteWithCurrentEtagSucceeds() {
        requireFeature(StateFeature.ETAG);
        store.set(firstWrite(key("k"), "1", Optional.empty()));
        store.set(firstWrite(key("k"), "2", Optional.of(etag(key("k")))));
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void firstWriteWithStaleEtagFails() {
        requireFeature(StateFeature.ETAG);
        store.set(firstWrite(key("k"), "1", Optional.empty()));
        String stale = etag(key("k"));
        store.set(firstWrite(key("k"), "2", Optional.of(stale)));
        assertThatThrownBy(() -> store.set(firstWrite(key("k"), "3", Optional.of(stale))))
                .isInstanceOf(ETagMismatchException.class);
    }

    @Test
    void firstWriteSucceedsAgainAfterDelete() {
        requireFeature(StateFeature.ETAG);
        store.set(firstWrite(key("k"), "1", Optional.empty()));
        store.delete(delete(key("k")));
        store.set(firstWrite(key("k"), "2", Optional.empty()));
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void concurrentFirstWritesLetExactlyOneWin() throws Exception {
        requireFeature(StateFeature.ETAG);
        List<Boolean> wins = race(16, i -> () -> {
            store.set(firstWrite(key("k"), String.valueOf(i), Optional.empty()));
            return true;
        });
        assertThat(wins).containsOnlyOnce(true);
    }
}
