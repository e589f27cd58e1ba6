/**
 * Resiliency: Dapr's {@code kind: Resiliency} policies (named timeouts, retries with constant or exponential back-off
 * and status-code matching, circuit breakers with a {@code trip} condition) and the targets they apply to (apps,
 * components inbound and outbound, actors), with the {@code Default*Policy} fall-backs and {@code scopes}.
 *
 * <p>{@link io.daprj.runtime.resiliency.Resiliency} resolves the {@link io.daprj.runtime.resiliency.Policy} for a
 * target; a policy runs one call: each attempt under the timeout and through the circuit breaker, attempts repeated
 * by the retry policy. Policies are cached per target, so a breaker's state lives as long as the sidecar.
 */
package io.daprj.runtime.resiliency;
