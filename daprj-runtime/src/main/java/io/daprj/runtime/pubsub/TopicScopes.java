package io.daprj.runtime.pubsub;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which topics this app may publish to and subscribe to on one pub/sub component, from its metadata
 * {@code allowedTopics}, {@code protectedTopics}, {@code publishingScopes} and {@code subscriptionScopes} (Dapr's
 * {@code pkg/scopes}): a topic outside a non-empty {@code allowedTopics} is refused; a protected topic, or any topic
 * once the app has a scope entry, needs that entry to list it.
 */
record TopicScopes(Set<String> allowed, Set<String> protectedTopics, Set<String> publishing, Set<String> subscribing) {

    static final TopicScopes OPEN = new TopicScopes(Set.of(), Set.of(), Set.of(), Set.of());

    static TopicScopes of(Map<String, String> componentMetadata, String appId) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(componentMetadata);
        return new TopicScopes(topics(ci.get("allowedTopics")), topics(ci.get("protectedTopics")),
                scoped(ci.get("publishingScopes"), appId), scoped(ci.get("subscriptionScopes"), appId));
    }

    boolean canPublish(String topic) {
        return allows(topic, publishing);
    }

    boolean canSubscribe(String topic) {
        return allows(topic, subscribing);
    }

    private boolean allows(String topic, Set<String> scoped) {
        if (!allowed.isEmpty() && !allowed.contains(topic)) {
            return false;
        }
        if (!protectedTopics.contains(topic) && scoped.isEmpty()) {
            return true;
        }
        return scoped.contains(topic);
    }

    /** {@code a,b,c} with spaces ignored. */
    private static Set<String> topics(String value) {
        Set<String> topics = new LinkedHashSet<>();
        if (value != null && !value.isBlank()) {
            for (String t : value.replace(" ", "").split(",", -1)) {
                topics.add(t);
            }
        }
        return topics;
    }

    /** {@code app1=t1,t2;app2=t3}: the topics listed for {@code appId}. */
    private static Set<String> scoped(String value, String appId) {
        List<String> topics = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            for (String app : value.replace(" ", "").split(";")) {
                String[] parts = app.split("=", 2);
                if (parts.length == 2 && parts[0].equals(appId)) {
                    // "app2=" lists the empty topic only, so app2 may use no topic at all
                    topics.addAll(List.of(parts[1].split(",", -1)));
                }
            }
        }
        return new LinkedHashSet<>(topics);
    }
}
