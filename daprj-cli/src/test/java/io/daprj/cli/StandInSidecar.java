package io.daprj.cli;

import io.daprj.runtime.DaprdOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A sidecar that opens nothing: it reports the ports it was given and records whether it was closed. */
final class StandInSidecar implements RunningSidecar {

    final DaprdOptions options;
    final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
    final AtomicInteger closes = new AtomicInteger();

    StandInSidecar(DaprdOptions options) {
        this.options = options;
    }

    @Override
    public int httpPort() {
        return options.daprHttpPort;
    }

    @Override
    public int grpcPort() {
        return options.daprGrpcPort;
    }

    @Override
    public CompletableFuture<Void> shutdownRequested() {
        return shutdownRequested;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        shutdownRequested.complete(null);
    }
}
