package io.daprj.runtime.bindings;

import io.daprj.spi.bindings.BindingEvent;

/** The app as a receiver of input binding events. Thread safe; calls block. */
interface BindingApp {

    /**
     * True when the app wants the events of binding {@code name} (HTTP: {@code OPTIONS /<route>} answered 2xx or
     * 405; gRPC: the name is in {@code ListInputBindings}).
     */
    boolean subscribed(String name, String route);

    /**
     * Delivers one event and returns the app's response body.
     *
     * @throws Exception when the app did not take it (non-2xx, gRPC error, unreachable)
     */
    byte[] deliver(String name, String route, BindingEvent event) throws Exception;
}
