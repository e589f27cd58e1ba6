/**
 * The bindings building block.
 *
 * <p>Starting points: {@link io.daprj.runtime.bindings.BindingsApi} (output bindings, used by the HTTP route
 * {@code /v1.0/bindings/{name}} and gRPC {@code InvokeBinding}) and {@link io.daprj.runtime.bindings.InputBindings}
 * (input bindings read into the app over HTTP {@code POST /<route>} or gRPC {@code OnBindingEvent}, started once the
 * app listens).
 */
package io.daprj.runtime.bindings;
