/**
 * The state building block, written once for both the HTTP and the gRPC API.
 *
 * <p>Starting points: {@link io.daprj.runtime.state.StateApi} (get, bulk get, save, delete, transaction — the
 * doors pass requests with the user's keys) and {@link io.daprj.runtime.state.StateKeys}, which applies the
 * component's {@code keyPrefix} strategy and Dapr's rule that a key never contains {@code ||}.
 */
package io.daprj.runtime.state;
