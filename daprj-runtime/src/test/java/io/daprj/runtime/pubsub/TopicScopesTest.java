package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicScopesTest {

    @Test
    void allowedTopicsLimitEveryApp() {
        TopicScopes s = TopicScopes.of(Map.of("allowedTopics", "a, b"), "app1");
        assertThat(s.canPublish("a")).isTrue();
        assertThat(s.canSubscribe("c")).isFalse();
    }

    @Test
    void scopeEntryListsTheAppsTopicsAndAnEmptyEntryAllowsNone() {
        Map<String, String> metadata = Map.of("publishingScopes", "app1=a,b;app2=", "subscriptionScopes", "app1=b");
        assertThat(TopicScopes.of(metadata, "app1").canPublish("a")).isTrue();
        assertThat(TopicScopes.of(metadata, "app1").canSubscribe("a")).isFalse();
        assertThat(TopicScopes.of(metadata, "app2").canPublish("a")).isFalse();
        assertThat(TopicScopes.of(metadata, "app3").canPublish("a")).isTrue();
    }

    @Test
    void protectedTopicsNeedAScopeEntry() {
        Map<String, String> metadata = Map.of("protectedTopics", "secret", "PUBLISHINGSCOPES", "app1=secret");
        assertThat(TopicScopes.of(metadata, "app1").canPublish("secret")).isTrue();
        assertThat(TopicScopes.of(metadata, "app2").canPublish("secret")).isFalse();
        assertThat(TopicScopes.of(metadata, "app2").canPublish("open")).isTrue();
    }
}
