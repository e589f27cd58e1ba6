package io.daprj.components.mysql.state;

import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;

/** A read-modify-write increment guarded by the ETag, retried until it wins: the classic optimistic counter. */
final class StoreCounter {

    private StoreCounter() {}

    static void increment(StateStore store, String key) {
        while (true) {
            StateItem item = store.get(get(key)).orElseThrow();
            long next = Long.parseLong(new String(item.data(), UTF_8)) + 1;
            try {
                store.set(setWithEtag(key, String.valueOf(next), item.etag().orElseThrow()));
                return;
            } catch (ETagMismatchException lost) {
                Thread.onSpinWait();
            }
        }
    }
}
