package io.daprj.runtime.resiliency;

import io.daprj.runtime.metrics.DaprMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resiliency policies this sidecar applies, resolved per target and cached (a target keeps its circuit breaker).
 * For each of timeout, retry and circuit breaker separately, the most specific policy wins: the named one in the
 * target, then the {@code Default…Policy} names from most to least specific, as Dapr resolves them.
 */
public final class Resiliency {

    /** No policies at all: every call runs once, as without a Resiliency resource. */
    public static final Resiliency NONE = new Resiliency(ResiliencyPolicies.EMPTY);

    /** The component kinds in Dapr's default-policy names ({@code DefaultStatestoreComponentOutboundRetryPolicy}). */
    public enum ComponentKind {
        STATESTORE("Statestore"), PUBSUB("Pubsub"), BINDING("Binding"), SECRETSTORE("Secretstore"),
        CONFIGURATION("Configuration"), LOCK("Lock"), CRYPTO("Crypto");

        final String word;

        ComponentKind(String word) {
            this.word = word;
        }
    }

    /** Calls from the sidecar to a component ({@code OUTBOUND}) or from a component into the app ({@code INBOUND}). */
    public enum Direction {
        OUTBOUND("Outbound", "outbound"), INBOUND("Inbound", "inbound");

        final String word;
        final String field;

        Direction(String word, String field) {
            this.word = word;
            this.field = field;
        }
    }

    private final ResiliencyPolicies policies;
    private final DaprMetrics metrics;
    private final Map<String, Policy> cache = new ConcurrentHashMap<>();

    public Resiliency(ResiliencyPolicies policies) {
        this(policies, DaprMetrics.disabled());
    }

    /** Like the other constructor, counting loaded resources and policy activations in {@code metrics}. */
    public Resiliency(ResiliencyPolicies policies, DaprMetrics metrics) {
        this.policies = policies;
        this.metrics = metrics;
        policies.names().forEach(metrics::resiliencyLoaded);
    }

    /** How many Resiliency resources were loaded (for {@code dapr_resiliency_loaded}). */
    public int loaded() {
        return policies.loaded();
    }

    /** The policy for service invocation of {@code appId}. */
    public Policy app(String appId) {
        return cache.computeIfAbsent("app/" + appId, key -> build(key, "outbound", "app_" + appId,
                policies.apps().get(appId), "App"));
    }

    /** Whether {@code appId} has a target of its own (which turns Dapr's built-in service retries off). */
    public boolean hasAppTarget(String appId) {
        return policies.apps().containsKey(appId);
    }

    /** The policy for actor calls of {@code actorType}. */
    public Policy actor(String actorType) {
        return cache.computeIfAbsent("actor/" + actorType, key -> build(key, "outbound", "actor_" + actorType,
                policies.actors().get(actorType), "Actor"));
    }

    /** The policy for calls of one component in one direction. */
    public Policy component(String name, ComponentKind kind, Direction direction) {
        return cache.computeIfAbsent("component/" + direction.field + "/" + name, key -> {
            ResiliencyPolicies.TargetRef named = policies.components().getOrDefault(name, Map.of()).get(direction.field);
            return build(key, direction.field, "component_" + name, named,
                    kind.word + "Component" + direction.word, "Component" + direction.word, "Component");
        });
    }

    /** A user's override of {@code DaprBuiltInServiceRetries}, the retries of unreachable sidecars. */
    public Optional<RetrySpec> builtInServiceRetries() {
        return Optional.ofNullable(policies.retries().get("DaprBuiltInServiceRetries"));
    }

    private Policy build(String key, String direction, String target, ResiliencyPolicies.TargetRef named,
            String... defaultScopes) {
        Duration timeout = pick(named == null ? null : named.timeout(), policies.timeouts(), "Timeout", defaultScopes);
        RetrySpec retry = pick(named == null ? null : named.retry(), policies.retries(), "Retry", defaultScopes);
        CircuitBreaker.Spec cb = pick(named == null ? null : named.circuitBreaker(), policies.circuitBreakers(),
                "CircuitBreaker", defaultScopes);
        String resource = String.join(",", policies.names());
        return new Policy(timeout, retry, cb == null ? null : new CircuitBreaker(key, cb),
                (policy, status) -> metrics.resiliencyActivated(resource, policy, direction, target, status));
    }

    private static <T> T pick(String namedRef, Map<String, T> byName, String type, String... scopes) {
        if (namedRef != null && !namedRef.isBlank()) {
            return byName.get(namedRef);
        }
        for (String scope : scopes) {
            T found = byName.get("Default" + scope + type + "Policy");
            if (found != null) {
                return found;
            }
        }
        return byName.get("Default" + type + "Policy");
    }
}
