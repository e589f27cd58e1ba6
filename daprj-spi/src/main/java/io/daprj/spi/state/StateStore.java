package io.daprj.spi.state;

import io.daprj.spi.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A key/value state store. Keys are opaque strings; values are opaque bytes.
 *
 * <p>Thread safety: every method may be called concurrently. Failure: an ETag conflict throws
 * {@link ETagMismatchException}, an unusable ETag {@link ETagInvalidException}, bad request metadata (such as
 * {@code ttlInSeconds: abc}) {@link IllegalArgumentException}; anything else is an internal failure.
 */
public interface StateStore extends Component {

    /** The features this store supports; never {@link StateFeature#ACTOR}. */
    Set<StateFeature> features();

    /** The item under {@code request.key()}, or empty if there is none (or it expired). */
    Optional<StateItem> get(GetRequest request);

    void set(SetRequest request);

    void delete(DeleteRequest request);

    /** Reads many keys; a failure on one key is reported in its item and does not fail the others. */
    default List<BulkGetItem> bulkGet(List<GetRequest> requests) {
        List<BulkGetItem> items = new ArrayList<>(requests.size());
        for (GetRequest request : requests) {
            try {
                items.add(new BulkGetItem(request.key(), get(request), Optional.empty()));
            } catch (RuntimeException e) {
                items.add(new BulkGetItem(request.key(), Optional.empty(), Optional.of(String.valueOf(e.getMessage()))));
            }
        }
        return items;
    }

    /**
     * Applies every write, not atomically; writes that fail do not stop the others.
     *
     * @throws BulkStateException listing the keys that failed, if any did
     */
    default void bulkSet(List<SetRequest> requests) {
        applyEach(requests);
    }

    /** Like {@link #bulkSet}, for deletes. */
    default void bulkDelete(List<DeleteRequest> requests) {
        applyEach(requests);
    }

    private void applyEach(List<? extends StateOperation> operations) {
        List<BulkStateException.Failure> failures = new ArrayList<>();
        for (StateOperation op : operations) {
            try {
                switch (op) {
                    case SetRequest set -> set(set);
                    case DeleteRequest delete -> delete(delete);
                }
            } catch (RuntimeException e) {
                failures.add(new BulkStateException.Failure(op.key(), e));
            }
        }
        if (!failures.isEmpty()) {
            throw new BulkStateException(failures);
        }
    }
}
