package io.daprj.runtime.invoke;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** {@code --app-max-concurrency}: at most N calls in flight to the app; -1 means no limit. */
final class ConcurrencyLimit {

    private final Semaphore permits;

    ConcurrencyLimit(int max) {
        this.permits = max > 0 ? new Semaphore(max, true) : null;
    }

    <T> T call(Supplier<T> call) {
        if (permits == null) {
            return call.get();
        }
        permits.acquireUninterruptibly();
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }
}
