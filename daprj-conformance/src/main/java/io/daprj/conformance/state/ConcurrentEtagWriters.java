package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.setWithEtag;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writers racing on one counter key, each incrementing it by an ETag-guarded read-modify-write retried until it wins
 * (the classic optimistic counter). With working ETags no increment is lost; store tests assert the final count.
 */
public final class ConcurrentEtagWriters {

    private ConcurrentEtagWriters() {}

    /**
     * Runs {@code writers} threads that each add 1 to the decimal number stored at {@code key}, {@code incrementsEach}
     * times, and returns when all are done.
     *
     * @throws ExecutionException with the first failure other than a lost ETag race
     */
    public static void increment(StateStore store, String key, int writers, int incrementsEach)
            throws InterruptedException, ExecutionException {
        try (ExecutorService threads = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < incrementsEach; i++) {
                        incrementOnce(store, key);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    private static void incrementOnce(StateStore store, String key) {
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
