package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.runtime.resources.ResourceException;
import io.daprj.runtime.resources.ResourceLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads subscriptions in Dapr's JSON/YAML shapes: {@code Subscription} resources (v1alpha1 {@code spec.route},
 * v2alpha1 {@code spec.routes}) and the items of the app's {@code GET /dapr/subscribe} answer, which use the same
 * field names.
 */
final class SubscriptionParser {

    private SubscriptionParser() {}

    /** Every {@code kind: Subscription} in the resources folders. @throws ResourceException naming the file */
    static List<SubscriptionSpec> declarative(ResourceLoader loader) {
        List<SubscriptionSpec> specs = new ArrayList<>();
        for (ResourceLoader.Document doc : loader.documents("Subscription")) {
            String name = doc.node().path("metadata").path("name").asText("");
            List<String> scopes = new ArrayList<>();
            doc.node().path("scopes").forEach(s -> scopes.add(s.asText()));
            try {
                specs.add(parse(doc.node().path("spec"), SubscriptionSpec.Type.DECLARATIVE, scopes));
            } catch (IllegalArgumentException e) {
                throw new ResourceException("subscription '" + name + "' in " + doc.file() + ": " + e.getMessage(), e);
            }
        }
        return specs;
    }

    /** One subscription object; {@code pubsubname}, {@code topic} and a route are required. */
    static SubscriptionSpec parse(JsonNode spec, SubscriptionSpec.Type type, List<String> scopes) {
        String pubsub = spec.path("pubsubname").asText("");
        String topic = spec.path("topic").asText("");
        if (pubsub.isEmpty() || topic.isEmpty()) {
            throw new IllegalArgumentException("pubsubname and topic are required");
        }
        List<SubscriptionSpec.Rule> ruleList = new ArrayList<>();
        JsonNode routes = spec.path("routes");
        for (JsonNode rule : routes.path("rules")) {
            ruleList.add(SubscriptionSpec.Rule.of(rule.path("match").asText(""), rule.path("path").asText("")));
        }
        List<SubscriptionSpec.Rule> rules = SubscriptionSpec.rules(ruleList, routes.path("default").asText(""),
                spec.path("route").asText(""));
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("topic '" + topic + "' has no route (expected: route or routes)");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        spec.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new SubscriptionSpec(pubsub, topic, rules, spec.path("deadLetterTopic").asText(""), metadata, type, scopes,
                BulkSubscribe.of(spec.get("bulkSubscribe")));
    }
}
