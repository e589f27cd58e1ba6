package io.daprj.spi.state;

import java.util.List;
import java.util.Map;

/** A state store that applies several writes atomically, in the order given. Declares {@link StateFeature#TRANSACTIONAL}. */
public interface TransactionalStateStore extends StateStore {

    /**
     * Applies all operations, in order, or none. An ETag conflict in any operation aborts the whole transaction with
     * {@link ETagMismatchException}.
     */
    void transact(List<StateOperation> operations, Map<String, String> metadata);

    /** The most operations one transaction may hold, or 0 for no limit. */
    default int maxOperationsPerTransaction() {
        return 0;
    }
}
