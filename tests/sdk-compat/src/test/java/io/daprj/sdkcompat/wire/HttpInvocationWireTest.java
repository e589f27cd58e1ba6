package io.daprj.sdkcompat.wire;

import static io.daprj.sdkcompat.harness.DaprErrorBody.assertDaprError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.EchoApp;
import io.daprj.sdkcompat.harness.EchoedRequest;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.WireClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Service invocation on the wire (dapr-api.md §1.4): the invoke route, the {@code dapr-app-id} header form, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class HttpInvocationWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EchoApp app;
    private DaprdProcess daprd;
    private WireClient wire;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = EchoApp.start();
        daprd = DaprdProcess.builder("wire-invoke").daprjHome(workDir).appPort(app.port()).start();
        wire = daprd.wire();
    }

    @AfterAll
    void stop() {
        if (daprd != null) {
            daprd.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static EchoedRequest echoed(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), EchoedRequest.class);
    }

    @Test
    void invokeRoutePassesVerbMethodPathQueryHeadersAndBody() throws Exception {
        HttpResponse<String> response = wire.put("/v1.0/invoke/wire-invoke/method/items/7?x=1&y=two", "raw text",
                "Content-Type", "text/plain", "x-custom", "abc");

        EchoedRequest seen = echoed(response);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.path()).isEqualTo("/items/7");
        assertThat(seen.query()).isEqualTo("x=1&y=two");
        assertThat(seen.body()).isEqualTo("raw text");
        assertThat(seen.header("content-type")).startsWith("text/plain");
        assertThat(seen.header("x-custom")).isEqualTo("abc");
        assertThat(seen.header("dapr-caller-app-id")).isEqualTo("wire-invoke");
        assertThat(seen.header("dapr-callee-app-id")).isEqualTo("wire-invoke");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void appIdHeaderFormInvokesTheWholePathAndIsNotForwarded() throws Exception {
        HttpResponse<String> response = wire.post("/items/8?z=3", "{}", "dapr-app-id", "wire-invoke");

        EchoedRequest seen = echoed(response);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/items/8");
        assertThat(seen.query()).isEqualTo("z=3");
        assertThat(seen.headers()).doesNotContainKey("dapr-app-id");
    }

    @Test
    void callerCannotSpoofCallerAppIdHeader() throws Exception {
        HttpResponse<String> response = wire.get("/v1.0/invoke/wire-invoke/method/who", "dapr-caller-app-id", "mallory");

        assertThat(echoed(response).header("dapr-caller-app-id")).isEqualTo("wire-invoke");
    }

    @Test
    void appStatusAndBodyPassThroughUnchanged() {
        HttpResponse<String> response = wire.get("/v1.0/invoke/wire-invoke/method/status/418");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("app answered 418");
    }

    @Test
    void unmatchedPathWithoutAppIdIsNotFoundWithDirectInvokeError() {
        // daprd's router falls back to invocation, which finds no app id in the path or a dapr-app-id header
        assertDaprError(wire.get("/no/such/route"), 404, "ERR_DIRECT_INVOKE");
    }

    @Test
    void unknownAppIdIsServerErrorWithDirectInvokeError() {
        var body = assertDaprError(wire.get("/v1.0/invoke/nobody-home/method/x"), 500, "ERR_DIRECT_INVOKE");
        assertThat(body.path("message").asText()).contains("nobody-home");
    }
}
