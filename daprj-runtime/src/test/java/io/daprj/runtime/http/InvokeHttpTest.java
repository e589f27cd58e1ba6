package io.daprj.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.EchoApp;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invocation through one sidecar (own app) and across two (caller without app, callee with the echo app). */
class InvokeHttpTest {

    @TempDir
    static Path dir;

    static EchoApp app;
    static Sidecar callee;
    static Sidecar caller;
    static HttpClientSupport viaCallee;
    static HttpClientSupport viaCaller;

    @BeforeAll
    static void start() throws Exception {
        app = new EchoApp();
        Path resources = TestSidecars.inMemoryResources(dir);
        Path config = TestSidecars.nameResolutionConfig(dir);
        callee = Sidecar.start(TestSidecars.options("callee", resources, config, "--app-port", Integer.toString(app.port())));
        caller = Sidecar.start(TestSidecars.options("caller", resources, config));
        viaCallee = new HttpClientSupport(callee.httpPort());
        viaCaller = new HttpClientSupport(caller.httpPort());
        org.awaitility.Awaitility.await().until(() -> viaCallee.get("/v1.0/healthz").statusCode() == 204);
    }

    @AfterAll
    static void stop() {
        caller.close();
        callee.close();
        app.close();
    }

    @Test
    void invokesOwnAppWithVerbPathQueryAndBody() {
        HttpResponse<String> r = viaCallee.send("PUT", "/v1.0/invoke/callee/method/orders/42?x=1&y=two", "hello",
                "X-Custom", "c1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("PUT /orders/42 ?x=1&y=two")
                .contains("dapr-callee-app-id=callee").contains("dapr-caller-app-id=callee")
                .contains("x-custom=c1").endsWith("body=hello");
        assertThat(r.headers().firstValue("x-app")).hasValue("echo");
    }

    @Test
    void invokesAcrossTwoSidecars() {
        HttpResponse<String> r = viaCaller.post("/v1.0/invoke/callee/method/orders?k=v", "{\"id\":1}",
                "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("POST /orders ?k=v")
                .contains("dapr-caller-app-id=caller").contains("dapr-callee-app-id=callee")
                .endsWith("body={\"id\":1}");
        assertThat(r.headers().firstValue("x-app")).hasValue("echo");
    }

    @Test
    void appStatusPassesThroughBothHops() {
        HttpResponse<String> r = viaCaller.get("/v1.0/invoke/callee/method/status/418");
        assertThat(r.statusCode()).isEqualTo(418);
        assertThat(r.body()).startsWith("GET /status/418");
    }

    @Test
    void daprAppIdHeaderFormReachesTheApp() {
        HttpResponse<String> r = viaCaller.send("DELETE", "/items/7?q=1", null, "dapr-app-id", "callee");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("DELETE /items/7 ?q=1");
    }

    @Test
    void unknownAppIdIs500DirectInvoke() {
        HttpResponse<String> r = viaCaller.get("/v1.0/invoke/nobody/method/x");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("\"errorCode\":\"ERR_DIRECT_INVOKE\"").contains("nobody");
    }

    @Test
    void invokingOwnIdWithoutAppChannelFails() {
        HttpResponse<String> r = viaCaller.get("/v1.0/invoke/caller/method/x");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("ERR_DIRECT_INVOKE");
    }
}
