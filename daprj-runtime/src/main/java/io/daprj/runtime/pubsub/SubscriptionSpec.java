package io.daprj.runtime.pubsub;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One subscription, from whichever source: the topic of a pub/sub component, the routing rules to the app's paths
 * (the default route is the last rule, without a match), a dead-letter topic and the subscription metadata.
 *
 * @param scopes the app ids a declarative subscription applies to; empty for all
 * @param bulk the {@code bulkSubscribe} settings
 */
public record SubscriptionSpec(
        String pubsubName,
        String topic,
        List<Rule> rules,
        String deadLetterTopic,
        Map<String, String> metadata,
        Type type,
        List<String> scopes,
        BulkSubscribe bulk) {

    /** Where the subscription came from, as {@code /v1.0/metadata} names it. */
    public enum Type { DECLARATIVE, PROGRAMMATIC, STREAMING }

    /** A routing rule: events matching {@code match} (always, when empty) go to {@code path}. */
    public record Rule(String match, String path, Optional<RouteExpression> expression) {

        /** @throws IllegalArgumentException when the match is outside the supported CEL subset */
        public static Rule of(String match, String path) {
            String m = match == null ? "" : match.trim();
            return new Rule(m, path, m.isEmpty() ? Optional.empty() : Optional.of(RouteExpression.compile(m)));
        }

        boolean matches(JsonNode event) {
            return expression.map(e -> e.matches(event)).orElse(true);
        }
    }

    public SubscriptionSpec {
        requireNonNull(pubsubName, "pubsubName");
        requireNonNull(topic, "topic");
        rules = List.copyOf(rules);
        requireNonNull(deadLetterTopic, "deadLetterTopic");
        metadata = Map.copyOf(metadata);
        requireNonNull(type, "type");
        scopes = List.copyOf(scopes);
        requireNonNull(bulk, "bulk");
    }

    /**
     * The rules of Dapr's subscription shapes: {@code routes.rules} in order, then {@code routes.default}, else the
     * v1 {@code route}.
     */
    static List<Rule> rules(List<Rule> ruleList, String defaultPath, String route) {
        List<Rule> rules = new ArrayList<>(ruleList);
        if (defaultPath != null && !defaultPath.isEmpty()) {
            rules.add(Rule.of("", defaultPath));
        } else if (route != null && !route.isEmpty()) {
            rules.add(Rule.of("", route));
        }
        return rules;
    }

    /** The path of the first matching rule; empty when none matches (the event is then skipped). */
    Optional<String> route(JsonNode event) {
        for (Rule rule : rules) {
            if (rule.matches(event)) {
                return Optional.of(rule.path());
            }
        }
        return Optional.empty();
    }

    boolean rawPayload() {
        return "true".equalsIgnoreCase(metadata.getOrDefault("rawPayload", "false").trim());
    }

    boolean appliesTo(String appId) {
        return scopes.isEmpty() || scopes.contains(appId);
    }

    String describe() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " subscription to topic '" + topic + "' on pubsub '"
                + pubsubName + "'";
    }
}
