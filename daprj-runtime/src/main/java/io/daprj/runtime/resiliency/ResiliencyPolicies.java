package io.daprj.runtime.resiliency;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merged content of the {@code kind: Resiliency} resources that apply to this app: named policies and targets.
 * A resource whose {@code scopes} leave this app out is skipped; one that cannot be read is logged and skipped, as
 * daprd does ("Could not read resiliency policy"), and the sidecar starts without it.
 */
public record ResiliencyPolicies(List<String> names, Map<String, Duration> timeouts, Map<String, RetrySpec> retries,
        Map<String, CircuitBreaker.Spec> circuitBreakers, Map<String, TargetRef> apps, Map<String, TargetRef> actors,
        Map<String, Map<String, TargetRef>> components) {

    private static final Logger log = LoggerFactory.getLogger(ResiliencyPolicies.class);

    /** How many Resiliency resources were loaded. */
    public int loaded() {
        return names.size();
    }

    public static final ResiliencyPolicies EMPTY =
            new ResiliencyPolicies(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** The policy names one target refers to; any may be null. */
    public record TargetRef(String timeout, String retry, String circuitBreaker) {
        static TargetRef parse(JsonNode node) {
            return new TargetRef(text(node, "timeout"), text(node, "retry"), text(node, "circuitBreaker"));
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }
    }

    /** Merges the given Resiliency documents (later ones override earlier names) for app {@code appId}. */
    public static ResiliencyPolicies of(List<JsonNode> documents, String appId) {
        Map<String, Duration> timeouts = new HashMap<>();
        Map<String, RetrySpec> retries = new HashMap<>();
        Map<String, CircuitBreaker.Spec> breakers = new HashMap<>();
        Map<String, TargetRef> apps = new HashMap<>();
        Map<String, TargetRef> actors = new HashMap<>();
        Map<String, Map<String, TargetRef>> components = new HashMap<>();
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode doc : documents) {
            String name = doc.path("metadata").path("name").asText("");
            if (!inScope(doc.path("scopes"), appId)) {
                continue;
            }
            try {
                JsonNode policies = doc.path("spec").path("policies");
                Map<String, Duration> t = new HashMap<>();
                policies.path("timeouts").properties().forEach(e -> t.put(e.getKey(), GoDuration.parse(e.getValue().asText())));
                Map<String, RetrySpec> r = new HashMap<>();
                policies.path("retries").properties().forEach(e -> r.put(e.getKey(), RetrySpec.parse(e.getValue())));
                Map<String, CircuitBreaker.Spec> c = new HashMap<>();
                policies.path("circuitBreakers").properties()
                        .forEach(e -> c.put(e.getKey(), CircuitBreaker.Spec.parse(e.getValue())));
                JsonNode targets = doc.path("spec").path("targets");
                Map<String, TargetRef> a = targets(targets.path("apps"));
                Map<String, TargetRef> ac = targets(targets.path("actors"));
                Map<String, Map<String, TargetRef>> co = new HashMap<>();
                targets.path("components").properties().forEach(e -> co.put(e.getKey(), Map.of(
                        "outbound", TargetRef.parse(e.getValue().path("outbound")),
                        "inbound", TargetRef.parse(e.getValue().path("inbound")))));
                List<TargetRef> refs = new java.util.ArrayList<>(a.values());
                refs.addAll(ac.values());
                co.values().forEach(m -> refs.addAll(m.values()));
                for (TargetRef ref : refs) {
                    requireKnown(ref.timeout(), t, timeouts, "timeout");
                    requireKnown(ref.retry(), r, retries, "retry");
                    requireKnown(ref.circuitBreaker(), c, breakers, "circuit breaker");
                }
                timeouts.putAll(t);
                retries.putAll(r);
                breakers.putAll(c);
                apps.putAll(a);
                actors.putAll(ac);
                components.putAll(co);
                names.add(name);
                log.info("resiliency configuration loaded: {}", name);
            } catch (RuntimeException e) {
                log.error("Could not read resiliency policy {}: {}", name, e.getMessage());
            }
        }
        return new ResiliencyPolicies(List.copyOf(names), Map.copyOf(timeouts), Map.copyOf(retries), Map.copyOf(breakers),
                Map.copyOf(apps), Map.copyOf(actors), Map.copyOf(components));
    }

    private static void requireKnown(String ref, Map<String, ?> here, Map<String, ?> earlier, String what) {
        if (ref != null && !here.containsKey(ref) && !earlier.containsKey(ref)) {
            throw new IllegalArgumentException("the target refers to " + what + " policy '" + ref + "', which is not defined");
        }
    }

    private static Map<String, TargetRef> targets(JsonNode node) {
        Map<String, TargetRef> refs = new HashMap<>();
        node.properties().forEach(e -> refs.put(e.getKey(), TargetRef.parse(e.getValue())));
        return refs;
    }

    private static boolean inScope(JsonNode scopes, String appId) {
        if (!scopes.isArray() || scopes.isEmpty()) {
            return true;
        }
        for (JsonNode scope : scopes) {
            if (scope.asText().equals(appId)) {
                return true;
            }
        }
        return false;
    }
}
