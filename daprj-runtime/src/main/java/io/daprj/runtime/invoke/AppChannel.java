package io.daprj.runtime.invoke;

/**
 * The sidecar's connection to its own app. Thread safe; calls block (run them on virtual threads) and respect
 * {@code --app-max-concurrency}.
 */
public interface AppChannel extends AutoCloseable {

    /** Calls the app; a transport failure throws, an app error is a response with its status. */
    InvokeResponse invoke(InvokeRequest request);

    /** True once the app's port accepts connections. */
    boolean reachable();

    @Override
    void close();
}
