package io.daprj.runtime.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.EchoApp;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.daprj.runtime.components.ComponentInitException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sidecar whose Configuration puts routeralias, uppercase, routerchecker and ratelimit in front of its HTTP API
 * ({@code httpPipeline}) and routeralias on its calls to an HTTP app ({@code appHttpPipeline}), checked over HTTP.
 * The API token is on, so the pipeline is shown to work together with it.
 */
class HttpPipelineTest {

    @TempDir
    static Path dir;

    static EchoApp app;
    static Sidecar sidecar;
    static final HttpClient http = HttpClient.newHttpClient();

    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: upper
            spec:
              type: middleware.http.uppercase
              version: v1
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: checker
            spec:
              type: middleware.http.routerchecker
              version: v1
              metadata:
              - name: rule
                value: "^/v1\\\\.0/(state|invoke|metadata|healthz)"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: limiter
            spec:
              type: middleware.http.ratelimit
              version: v1
              metadata:
              - name: maxRequestsPerSecond
                value: "%s"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: api-alias
            spec:
              type: middleware.http.routeralias
              version: v1
              metadata:
              - name: routes
                value: '{"/stored": "/v1.0/state/statestore/GREETING"}'
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: app-alias
            spec:
              type: middleware.http.routeralias
              version: v1
              metadata:
              - name: routes
                value: |
                  "/alias/{id}": /target
            """;

    @BeforeAll
    static void start() throws Exception {
        app = new EchoApp();
        Path resources = TestSidecars.inMemoryResources(dir);
        TestSidecars.write(resources, "middleware.yaml", COMPONENTS.formatted("1000"));
        Path config = TestSidecars.write(dir.resolve("config"), "pipeline.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: pipeline
                spec:
                  httpPipeline:
                    handlers:
                    - name: api-alias
                      type: middleware.http.routeralias
                    - name: upper
                      type: middleware.http.uppercase
                    - name: checker
                      type: middleware.http.routerchecker
                    - name: limiter
                      type: middleware.http.ratelimit
                  appHttpPipeline:
                    handlers:
                    - name: app-alias
                      type: middleware.http.routeralias
                """).resolve("pipeline.yaml");
        DaprdOptions options = TestSidecars.options("mw-app", resources, config, "--app-port", Integer.toString(app.port()));
        options.environment = Map.of("DAPR_API_TOKEN", "tok");
        sidecar = Sidecar.start(options);
    }

    @AfterAll
    static void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        app.close();
    }

    private static HttpResponse<String> send(Sidecar target, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.httpPort() + path))
                .header("dapr-api-token", "tok")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Saved over gRPC, which no HTTP pipeline touches (daprj's state API reads JSON field names exactly). */
    private static void saveOverGrpc(String key, String json) {
        io.dapr.v1.DaprGrpc.DaprBlockingStub dapr = com.linecorp.armeria.client.grpc.GrpcClients
                .builder("http://127.0.0.1:" + sidecar.grpcPort())
                .addHeader("dapr-api-token", "tok").build(io.dapr.v1.DaprGrpc.DaprBlockingStub.class);
        dapr.saveState(io.dapr.v1.DaprStateProtos.SaveStateRequest.newBuilder().setStoreName("statestore")
                .addStates(io.dapr.v1.CommonProtos.StateItem.newBuilder().setKey(key)
                        .setValue(com.google.protobuf.ByteString.copyFromUtf8(json)))
                .build());
    }

    @Test
    void stateReadsPassThePipeline() throws Exception {
        saveOverGrpc("plain", "\"value\"");
        HttpResponse<String> read = send(sidecar, "GET", "/v1.0/state/statestore/plain", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("\"value\"");
    }

    @Test
    void anAliasInTheApiPipelineReachesItsTargetRoute() throws Exception {
        saveOverGrpc("GREETING", "\"hi\"");
        HttpResponse<String> read = send(sidecar, "GET", "/stored", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("\"hi\"");
    }

    @Test
    void aPathTheRouterCheckerRuleRefusesIs400InvalidRouter() throws Exception {
        HttpResponse<String> refused = send(sidecar, "GET", "/v1.0/secrets/store/name", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("invalid router");
    }

    @Test
    void theApiTokenIsStillRequired() throws Exception {
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/metadata")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
    }

    @Test
    void invocationPassesBothPipelines() throws Exception {
        org.awaitility.Awaitility.await().until(() -> send(sidecar, "GET", "/v1.0/healthz", null).statusCode() == 204);
        HttpResponse<String> answer = send(sidecar, "POST", "/v1.0/invoke/mw-app/method/alias/7?x=1", "some body");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        // uppercase ran in httpPipeline, the alias and its variable in appHttpPipeline
        assertThat(answer.body()).startsWith("POST /target ?id=7&x=1").endsWith("body=SOME BODY");
        assertThat(answer.headers().firstValue("x-app")).contains("echo");

        HttpResponse<String> direct = send(sidecar, "POST", "/v1.0/invoke/mw-app/method/other", "abc");
        assertThat(direct.body()).startsWith("POST /other ?null").endsWith("body=ABC");
    }

    @Test
    void requestsOverTheRateLimitAre429() throws Exception {
        Path resources = TestSidecars.write(dir.resolve("limited"), "middleware.yaml", COMPONENTS.formatted("1"));
        Path config = TestSidecars.write(dir.resolve("limited-config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: limited
                spec:
                  httpPipeline:
                    handlers:
                    - name: limiter
                      type: middleware.http.ratelimit
                """).resolve("config.yaml");
        DaprdOptions options = TestSidecars.options("mw-limited", resources, config);
        options.environment = Map.of("DAPR_API_TOKEN", "tok");
        try (Sidecar limited = Sidecar.start(options)) {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 5; i++) {
                last = send(limited, "GET", "/v1.0/metadata", null);
                statuses.add(last.statusCode());
            }
            assertThat(statuses).contains(200, 429);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.body()).isEqualTo("You have reached maximum request limit.");
        }
    }

    @Test
    void aHandlerNamingNoMiddlewareComponentStopsStartUp() {
        Path config = TestSidecars.write(dir.resolve("bad-config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: bad
                spec:
                  appHttpPipeline:
                    handlers:
                    - name: statestore
                      type: middleware.http.uppercase
                """).resolve("config.yaml");
        assertThatThrownBy(() -> Sidecar.start(TestSidecars.options("mw-bad", TestSidecars.inMemoryResources(
                dir.resolve("bad")), config)))
                .isInstanceOf(ComponentInitException.class)
                .hasMessageContaining("appHttpPipeline")
                .hasMessageContaining("couldn't find middleware component with name 'statestore'");
    }
}
