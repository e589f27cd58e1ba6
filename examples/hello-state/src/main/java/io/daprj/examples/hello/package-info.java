/**
 * hello-state: an ordinary Dapr app written against the official Dapr Java SDK, with nothing daprj-specific in it.
 *
 * <p>Starting points: {@link io.daprj.examples.hello.HelloState} (main: serves {@code /orders}, waits for the
 * sidecar, then invokes itself through the sidecar), {@link io.daprj.examples.hello.OrdersHandler} (the HTTP
 * routes, which keep orders in the {@code statestore} state store).
 */
package io.daprj.examples.hello;
