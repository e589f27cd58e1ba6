package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertHttpError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprHttp;
import io.dapr.client.domain.HttpExtension;
import io.dapr.exceptions.DaprException;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.EchoApp;
import io.daprj.sdkcompat.harness.EchoedRequest;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invokeMethod} (HTTP {@code /v1.0/invoke/…}) to an HTTP app: through its own sidecar ({@code callee}), and
 * across two sidecars ({@code caller} without an app → {@code callee}), found through the shared DAPRJ_HOME.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkInvocationTest {

    private static final Duration CALL = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Order(String id, int quantity) {}

    private EchoApp app;
    private DaprdProcess callee;
    private DaprdProcess caller;
    private DaprClient viaCallee;
    private DaprClient viaCaller;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        Path home = workDir.resolve("home");
        app = EchoApp.start();
        List<DaprdProcess> sidecars = DaprdProcess.startTogether(
                DaprdProcess.builder("callee").daprjHome(home).appPort(app.port()),
                DaprdProcess.builder("caller").daprjHome(home));
        callee = sidecars.get(0);
        caller = sidecars.get(1);
        viaCallee = callee.newClient();
        viaCaller = caller.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {viaCaller, viaCallee, caller, callee, app}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void postThroughOwnSidecarDeliversVerbPathQueryAndBody() throws Exception {
        Order order = new Order("o-7", 2);
        HttpExtension post = new HttpExtension(DaprHttp.HttpMethods.POST, Map.of("color", List.of("blue")), Map.of());

        EchoedRequest seen = viaCallee.invokeMethod("callee", "orders/new", order, post, EchoedRequest.class).block(CALL);

        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/orders/new");
        assertThat(seen.queryParameters()).containsExactly(Map.entry("color", List.of("blue")));
        assertThat(JSON.readValue(seen.body(), Order.class)).isEqualTo(order);
        assertThat(seen.header("content-type")).startsWith("application/json");
        // a self-invocation is stamped with caller == callee == own id
        assertThat(seen.header("dapr-caller-app-id")).isEqualTo("callee");
        assertThat(seen.header("dapr-callee-app-id")).isEqualTo("callee");
    }

    @Test
    void getThroughOwnSidecarDeliversQueryParameters() {
        HttpExtension get = new HttpExtension(DaprHttp.HttpMethods.GET,
                Map.of("q", List.of("a b&c"), "page", List.of("2")), Map.of());

        EchoedRequest seen = viaCallee.invokeMethod("callee", "search", null, get, EchoedRequest.class).block(CALL);

        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/search");
        assertThat(seen.queryParameters()).containsOnly(Map.entry("q", List.of("a b&c")), Map.entry("page", List.of("2")));
        assertThat(seen.body()).isEmpty();
    }

    @Test
    void invocationAcrossTwoSidecarsCarriesCallerAndCalleeIdsAndHeaders() {
        HttpExtension put = new HttpExtension(DaprHttp.HttpMethods.PUT, Map.of("n", List.of("1")),
                Map.of("x-order-id", "42"));

        EchoedRequest seen = viaCaller.invokeMethod("callee", "orders/42", "hi there", put, EchoedRequest.class).block(CALL);

        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.path()).isEqualTo("/orders/42");
        assertThat(seen.query()).isEqualTo("n=1");
        assertThat(seen.body()).isEqualTo("\"hi there\"");
        assertThat(seen.header("x-order-id")).isEqualTo("42");
        assertThat(seen.header("dapr-caller-app-id")).isEqualTo("caller");
        assertThat(seen.header("dapr-callee-app-id")).isEqualTo("callee");
    }

    @Test
    void appErrorStatusReachesSdkAsDaprExceptionWithThatStatus() {
        for (DaprClient client : List.of(viaCallee, viaCaller)) {
            assertThatThrownBy(() -> client.invokeMethod("callee", "status/418", null, HttpExtension.GET, byte[].class)
                    .block(CALL))
                    .isInstanceOfSatisfying(DaprException.class, e -> {
                        assertThat(e.getHttpStatusCode()).isEqualTo(418);
                        assertThat(new String(e.getPayload(), StandardCharsets.UTF_8)).isEqualTo("app answered 418");
                    });
        }
    }

    @Test
    void unknownAppIdFailsWithDirectInvokeError() {
        var error = assertHttpError(() -> viaCaller.invokeMethod("nobody-home", "anything", null, HttpExtension.GET,
                byte[].class).block(CALL), 500, "ERR_DIRECT_INVOKE");
        assertThat(error.getMessage()).contains("nobody-home");
    }
}
