package io.daprj.runtime.resiliency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.runtime.resiliency.Resiliency.Direction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which policy a target gets: named ones first, then the Default…Policy names; scopes; unreadable resources. */
class ResiliencyResolutionTest {

    private static final String POLICIES = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: myresiliency
            %s
            spec:
              policies:
                timeouts:
                  fast: 100ms
                  DefaultTimeoutPolicy: 1s
                retries:
                  three: {policy: constant, duration: 1ms, maxRetries: 3}
                  DefaultStatestoreComponentOutboundRetryPolicy: {policy: constant, duration: 1ms, maxRetries: 1}
                  DefaultRetryPolicy: {policy: constant, duration: 1ms, maxRetries: 0}
                circuitBreakers:
                  cb: {maxRequests: 1, timeout: 30s, trip: "consecutiveFailures >= 2"}
              targets:
                apps:
                  orders: {timeout: fast, retry: three, circuitBreaker: cb}
                components:
                  statestore:
                    outbound: {retry: three}
            """;

    private static JsonNode doc(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int attempts(Policy policy) {
        AtomicInteger calls = new AtomicInteger();
        try {
            policy.call(() -> {
                calls.incrementAndGet();
                throw new IllegalStateException("down");
            }, e -> Failure.OTHER);
        } catch (IllegalStateException | CircuitBreaker.OpenException expected) {
            // counted
        }
        return calls.get();
    }

    @Test
    void namedTargetsWinAndDefaultsFillTheRestFromMostToLeastSpecific() {
        Resiliency r = new Resiliency(ResiliencyPolicies.of(List.of(doc(POLICIES.formatted(""))), "me"));
        assertThat(r.loaded()).isEqualTo(1);
        // 3 retries allowed, but the breaker opens after 2 failures: the retries then fail without calling
        assertThat(attempts(r.app("orders"))).isEqualTo(2);
        assertThat(r.app("orders").breaker().orElseThrow().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(r.hasAppTarget("orders")).isTrue();
        assertThat(r.hasAppTarget("billing")).isFalse();
        // billing: only the global defaults (1s timeout, no retries)
        assertThat(attempts(r.app("billing"))).isEqualTo(1);
        assertThat(r.app("billing").isNone()).isFalse();
        // the named store target gives its retry; another store gets the statestore default (1 retry)
        assertThat(attempts(r.component("statestore", ComponentKind.STATESTORE, Direction.OUTBOUND))).isEqualTo(4);
        assertThat(attempts(r.component("other", ComponentKind.STATESTORE, Direction.OUTBOUND))).isEqualTo(2);
        assertThat(attempts(r.component("pubsub", ComponentKind.PUBSUB, Direction.OUTBOUND))).isEqualTo(1);
    }

    @Test
    void aTargetKeepsItsBreakerAcrossLookups() {
        Resiliency r = new Resiliency(ResiliencyPolicies.of(List.of(doc(POLICIES.formatted(""))), "me"));
        assertThat(r.app("orders")).isSameAs(r.app("orders"));
    }

    @Test
    void scopesLeaveOtherAppsWithoutPolicies() {
        String scoped = POLICIES.formatted("scopes: [checkout]");
        assertThat(new Resiliency(ResiliencyPolicies.of(List.of(doc(scoped)), "me")).app("orders").isNone()).isTrue();
        assertThat(new Resiliency(ResiliencyPolicies.of(List.of(doc(scoped)), "checkout")).app("orders").isNone()).isFalse();
    }

    @Test
    void anUnreadableResourceIsSkippedAndTheOthersStillLoad() {
        JsonNode badCodes = doc("""
                kind: Resiliency
                metadata: {name: bad}
                spec:
                  policies:
                    retries:
                      r: {policy: constant, matching: {httpStatusCodes: "700"}}
                """);
        JsonNode unknownRef = doc("""
                kind: Resiliency
                metadata: {name: dangling}
                spec:
                  targets:
                    apps:
                      orders: {retry: nowhere}
                """);
        ResiliencyPolicies loaded = ResiliencyPolicies.of(List.of(badCodes, unknownRef, doc(POLICIES.formatted(""))), "me");
        assertThat(loaded.loaded()).isEqualTo(1);
        assertThat(loaded.retries()).doesNotContainKey("r");
    }
}
