package io.daprj.cli;

import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.Logging;
import io.daprj.runtime.Sidecar;
import java.util.concurrent.CompletableFuture;

/** What {@code daprj run} needs of a sidecar: the runtime's {@link Sidecar}, or a stand-in in tests. */
interface RunningSidecar extends AutoCloseable {

    int httpPort();

    int grpcPort();

    /** Completes when the sidecar's API asked it to shut down, or when {@link #close} began. */
    CompletableFuture<Void> shutdownRequested();

    /** Graceful: waits for in-flight work up to the sidecar's graceful shutdown period. */
    @Override
    void close();

    /** Starts a sidecar with the given (validated) options. */
    @FunctionalInterface
    interface Starter {
        RunningSidecar start(DaprdOptions options) throws Exception;
    }

    /** Starts the runtime's sidecar in this JVM, logging as {@code --log-level}/{@code --log-as-json} ask. */
    static RunningSidecar start(DaprdOptions options) throws Exception {
        Logging.configure(options.logLevel, options.logAsJson, options.appId);
        Sidecar sidecar = Sidecar.start(options);
        return new RunningSidecar() {
            @Override
            public int httpPort() {
                return sidecar.httpPort();
            }

            @Override
            public int grpcPort() {
                return sidecar.grpcPort();
            }

            @Override
            public CompletableFuture<Void> shutdownRequested() {
                return sidecar.shutdownRequested();
            }

            @Override
            public void close() {
                sidecar.close();
            }
        };
    }
}
