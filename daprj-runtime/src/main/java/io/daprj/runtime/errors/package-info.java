/**
 * Dapr's error catalogue and its mapping to the wire.
 *
 * <p>Starting points: {@link io.daprj.runtime.errors.DaprError} (every error code with its HTTP status, gRPC status
 * and ErrorInfo reason), {@link io.daprj.runtime.errors.DaprException} (what the building-block APIs throw), and
 * {@link io.daprj.runtime.errors.ErrorResponses} — the one place that turns an exception into the HTTP JSON body or
 * a gRPC status with {@code ErrorInfo} details.
 */
package io.daprj.runtime.errors;
