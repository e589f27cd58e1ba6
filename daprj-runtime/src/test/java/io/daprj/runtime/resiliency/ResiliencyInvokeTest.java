package io.daprj.runtime.resiliency;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import com.sun.net.httpserver.HttpServer;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprInvokeProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resiliency on service invocation, through a real sidecar and a flaky app: retries hide transient 5xx answers,
 * a timeout cuts a slow call, and an open circuit breaker stops calls from reaching a failing app.
 */
class ResiliencyInvokeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HttpServer app;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startApp() throws Exception {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // /flaky fails twice then answers; /slow takes 3 s; /broken always fails
        app.createContext("/flaky", exchange -> {
            int n = calls.incrementAndGet();
            byte[] body = ("call " + n).getBytes();
            exchange.sendResponseHeaders(n <= 2 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.createContext("/broken", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        app.start();
    }

    @AfterEach
    void stopApp() {
        app.stop(0);
    }

    private Sidecar sidecar(String targetPolicies) throws Exception {
        Path resources = TestSidecars.inMemoryResources(dir);
        TestSidecars.write(resources, "resiliency.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Resiliency
                metadata:
                  name: flaky-app
                spec:
                  policies:
                    timeouts:
                      short: 300ms
                    retries:
                      quick: {policy: constant, duration: 10ms, maxRetries: 3, matching: {httpStatusCodes: "500-599"}}
                    circuitBreakers:
                      cb: {maxRequests: 1, timeout: 60s, trip: "consecutiveFailures >= 2"}
                  targets:
                    apps:
                      flaky: %s
                """.formatted(targetPolicies));
        return Sidecar.start(TestSidecars.options("flaky", resources, null,
                "--app-port", Integer.toString(app.getAddress().getPort())));
    }

    private static HttpResponse<String> invoke(Sidecar sidecar, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/invoke/flaky/method/" + method)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void retriesHideTransientFailuresOfTheApp() throws Exception {
        try (Sidecar sidecar = sidecar("{retry: quick}")) {
            HttpResponse<String> response = invoke(sidecar, "flaky");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("call 3");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void retriesApplyToCallsThroughTheGrpcApiToo() throws Exception {
        try (Sidecar sidecar = sidecar("{retry: quick}")) {
            DaprGrpc.DaprBlockingStub dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(),
                    DaprGrpc.DaprBlockingStub.class);
            CommonProtos.InvokeResponse response = dapr.invokeService(DaprInvokeProtos.InvokeServiceRequest.newBuilder()
                    .setId("flaky")
                    .setMessage(CommonProtos.InvokeRequest.newBuilder().setMethod("flaky")
                            .setHttpExtension(CommonProtos.HTTPExtension.newBuilder()
                                    .setVerb(CommonProtos.HTTPExtension.Verb.GET)))
                    .build());
            assertThat(response.getData().getValue().toStringUtf8()).isEqualTo("call 3");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void withoutAPolicyTheAppsFailureReachesTheCaller() throws Exception {
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("flaky", TestSidecars.inMemoryResources(dir), null,
                "--app-port", Integer.toString(app.getAddress().getPort())))) {
            assertThat(invoke(sidecar, "flaky").statusCode()).isEqualTo(503);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aTimeoutCutsASlowCallWithDaprsInvokeError() throws Exception {
        try (Sidecar sidecar = sidecar("{timeout: short}")) {
            long start = System.nanoTime();
            HttpResponse<String> response = invoke(sidecar, "slow");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("ERR_DIRECT_INVOKE").contains("deadline exceeded");
            assertThat(tookMillis).as("the caller waited for the app's 3 s answer").isLessThan(2_500);
        }
    }

    @Test
    void anOpenBreakerStopsCallsFromReachingTheFailingApp() throws Exception {
        try (Sidecar sidecar = sidecar("{circuitBreaker: cb}")) {
            assertThat(invoke(sidecar, "broken").statusCode()).isEqualTo(500);
            assertThat(invoke(sidecar, "broken").statusCode()).isEqualTo(500);
            assertThat(calls).hasValue(2);
            HttpResponse<String> refused = invoke(sidecar, "broken");
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).contains("ERR_DIRECT_INVOKE").contains("circuit breaker is open");
            assertThat(calls).as("the open breaker kept the call from the app").hasValue(2);
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + sidecar.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("dapr_resiliency_loaded\\{[^}]*name=\"flaky-app\"[^}]*\\} 1\\.0")
                    .containsPattern("dapr_resiliency_activations_total\\{[^}]*flow_direction=\"outbound\""
                            + "[^}]*policy=\"circuitbreaker\"[^}]*status=\"open\"[^}]*target=\"app_flaky\"[^}]*\\} 1\\.0");
        }
    }
}
