/**
 * The bindings contract, after Dapr's components-contrib {@code bindings.InputBinding} and {@code OutputBinding}.
 *
 * <p>Starting points: {@link io.daprj.spi.bindings.OutputBinding} (operations, invoke),
 * {@link io.daprj.spi.bindings.InputBinding} (read with a {@link io.daprj.spi.bindings.BindingEventHandler} that
 * returns once the app took the event and throws when it did not). One component may implement both; its provider
 * files it under {@link io.daprj.spi.bindings.Binding}.
 */
package io.daprj.spi.bindings;
