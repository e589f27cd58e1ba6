package io.daprj.runtime.resiliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state store whose Redis goes away: with a timeout, retries and a circuit breaker on the component, calls fail
 * within the policy's bounds, the breaker opens and then fails them at once, the sidecar keeps serving everything
 * else, and once Redis is back the store works again.
 */
class ResiliencyRedisOutageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void theSidecarStaysResponsiveWhileRedisIsDownAndRecoversWhenItReturns() throws Exception {
        try (PrivateRedisServer redis = new PrivateRedisServer()) {
            redis.start();
            Path resources = TestSidecars.inMemoryResources(dir);
            TestSidecars.write(resources, "redis.yaml", """
                    apiVersion: dapr.io/v1alpha1
                    kind: Component
                    metadata:
                      name: redisstore
                    spec:
                      type: state.redis
                      version: v1
                      metadata:
                      - name: redisHost
                        value: "127.0.0.1:%d"
                    ---
                    apiVersion: dapr.io/v1alpha1
                    kind: Resiliency
                    metadata:
                      name: redis-outage
                    spec:
                      policies:
                        timeouts:
                          storeTimeout: 400ms
                        retries:
                          storeRetry: {policy: constant, duration: 50ms, maxRetries: 1}
                        circuitBreakers:
                          storeBreaker: {maxRequests: 1, timeout: 2s, trip: "consecutiveFailures >= 4"}
                      targets:
                        components:
                          redisstore:
                            outbound: {timeout: storeTimeout, retry: storeRetry, circuitBreaker: storeBreaker}
                    """.formatted(redis.port()));
            try (Sidecar sidecar = Sidecar.start(TestSidecars.options("outage", resources, null))) {
                String base = "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0";
                assertThat(save(base, "redisstore", "before").statusCode()).isEqualTo(204);

                redis.stop();
                // each call: two attempts of at most 400 ms; then the breaker is open and calls fail at once
                for (int i = 0; i < 2; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> failed = get(base, "redisstore");
                    assertThat(failed.statusCode()).isEqualTo(500);
                    assertThat(failed.body()).contains("ERR_STATE_GET");
                    assertThat(millisSince(start)).isLessThan(5_000);
                }
                long start = System.nanoTime();
                HttpResponse<String> refused = get(base, "redisstore");
                assertThat(refused.body()).contains("ERR_STATE_GET").contains("circuit breaker is open");
                assertThat(millisSince(start)).as("an open breaker answers without waiting for Redis").isLessThan(1_000);

                // everything else keeps working meanwhile
                assertThat(save(base, "statestore", "meanwhile").statusCode()).isEqualTo(204);
                assertThat(get(base, "statestore").body()).isEqualTo("\"meanwhile\"");
                assertThat(send(HttpRequest.newBuilder(URI.create(base + "/healthz"))).statusCode()).isEqualTo(204);

                redis.start();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> save(base, "redisstore", "after").statusCode() == 204);
                assertThat(get(base, "redisstore").body()).isEqualTo("\"after\"");
            }
        }
    }

    private static HttpResponse<String> save(String base, String store, String value) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/state/" + store))
                .POST(HttpRequest.BodyPublishers.ofString("[{\"key\":\"k\",\"value\":\"" + value + "\"}]")));
    }

    private static HttpResponse<String> get(String base, String store) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/state/" + store + "/k")));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
