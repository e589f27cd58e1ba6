package io.daprj.benchmarks;

import java.util.concurrent.CompletableFuture;

/** One kind of request a load run sends; {@code send} must not block, and fails the future on a non-success answer. */
@FunctionalInterface
interface LoadTarget {

    CompletableFuture<?> send(long sequence);
}
