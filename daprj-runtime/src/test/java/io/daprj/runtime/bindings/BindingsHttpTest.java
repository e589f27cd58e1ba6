package io.daprj.runtime.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output bindings over {@code /v1.0/bindings/{name}} and a cron input binding read into an HTTP app. */
class BindingsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static RecordingServer app;
    static RecordingServer web;
    static Sidecar sidecar;

    @BeforeAll
    static void start() throws Exception {
        // the app takes /ticks and OPTIONS of /refused, has no /unwanted, and refuses events on /refused
        app = new RecordingServer(r -> r.path().equals("/unwanted") ? 404 : r.path().equals("/refused") && r.method().equals("POST") ? 500 : 200);
        web = new RecordingServer(r -> r.path().equals("/missing") ? 404 : 200);
        Path resources = TestSidecars.write(dir.resolve("resources"), "bindings.yaml", BindingYaml.all(
                BindingYaml.component("ticker", "bindings.cron", "schedule", "@every 1s", "route", "/ticks"),
                BindingYaml.component("unwanted", "bindings.cron", "schedule", "@every 1s"),
                BindingYaml.component("refused", "bindings.cron", "schedule", "@every 1s"),
                BindingYaml.component("files", "bindings.localstorage", "rootPath", dir.resolve("files").toString()),
                BindingYaml.component("web", "bindings.http", "url", "http://127.0.0.1:" + web.port())));
        sidecar = Sidecar.start(TestSidecars.options("binder", resources, null, "--app-port", Integer.toString(app.port())));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
        web.close();
    }

    private static HttpResponse<String> invoke(String name, String body) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/bindings/" + name))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void cronEventsReachTheAppAtTheRouteWithMetadataHeaders() {
        await().atMost(Duration.ofSeconds(8)).until(() -> !app.at("POST", "/ticks").isEmpty());
        RecordingServer.Request tick = app.at("POST", "/ticks").getFirst();
        assertThat(tick.headers()).containsEntry("timezone", "Local").containsKey("readtimeutc")
                .containsEntry("content-type", "application/json");
        assertThat(tick.body()).isEmpty();
        assertThat(app.at("OPTIONS", "/ticks")).hasSize(1);
    }

    @Test
    void bindingsTheAppDidNotSubscribeToAreNotRead() {
        await().atMost(Duration.ofSeconds(8)).until(() -> app.at("POST", "/refused").size() >= 2);
        assertThat(app.at("OPTIONS", "/unwanted")).hasSize(1);
        assertThat(app.at("POST", "/unwanted")).isEmpty();
    }

    @Test
    void httpBindingGetsDataReEncodedAsGoJsonAndReturnsMetadataHeaders() throws Exception {
        HttpResponse<String> r = invoke("web", """
                {"operation":"post","data":{"z":1,"a":"<b>&"},"metadata":{"path":"/hook","X-Custom":"yes"}}""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("seen POST /hook");
        assertThat(r.headers().firstValue("metadata.statuscode")).hasValue("200");
        assertThat(r.headers().firstValue("metadata.x-reply")).hasValue("yes");
        RecordingServer.Request got = web.at("POST", "/hook").getLast();
        assertThat(got.body()).isEqualTo("{\"a\":\"\\u003cb\\u003e\\u0026\",\"z\":1}");
        assertThat(got.headers()).containsEntry("x-custom", "yes");
        invoke("web", "{\"operation\":\"put\",\"data\":\"text\",\"metadata\":{\"path\":\"str\"}}");
        assertThat(web.at("PUT", "/str").getLast().body()).isEqualTo("\"text\"");
    }

    @Test
    void httpBindingErrorStatusIsErrInvokeOutputBindingWithTheStatusHeader() throws Exception {
        HttpResponse<String> r = invoke("web", "{\"operation\":\"get\",\"metadata\":{\"path\":\"missing\"}}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r.body()).path("errorCode").asText()).isEqualTo("ERR_INVOKE_OUTPUT_BINDING");
        assertThat(json(r.body()).path("message").asText()).isEqualTo("error invoking output binding web: received status code 404");
        assertThat(r.headers().firstValue("metadata.statuscode")).hasValue("404");
    }

    @Test
    void localStorageCreateGetListDelete() throws Exception {
        HttpResponse<String> created = invoke("files", "{\"operation\":\"create\",\"data\":\"hello\",\"metadata\":{\"fileName\":\"dir/a.txt\"}}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created.body()).path("fileName").asText()).isEqualTo("dir/a.txt");
        HttpResponse<String> got = invoke("files", "{\"operation\":\"get\",\"metadata\":{\"fileName\":\"dir/a.txt\"}}");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("hello");
        assertThat(got.headers().firstValue("content-type")).hasValue("application/json");
        HttpResponse<String> list = invoke("files", "{\"operation\":\"list\",\"metadata\":{\"fileName\":\"dir\"}}");
        assertThat(json(list.body()).get(0).asText()).endsWith("dir/a.txt");
        HttpResponse<String> deleted = invoke("files", "{\"operation\":\"delete\",\"metadata\":{\"fileName\":\"dir/a.txt\"}}");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(invoke("files", "{\"operation\":\"get\",\"metadata\":{\"fileName\":\"dir/a.txt\"}}").statusCode()).isEqualTo(500);
        assertThat(invoke("files", "{\"operation\":\"get\",\"metadata\":{\"fileName\":\"../../etc/passwd\"}}").statusCode()).isEqualTo(500);
    }

    @Test
    void unknownBindingUnsupportedOrMissingOperationAreErrInvokeOutputBinding() throws Exception {
        HttpResponse<String> unknown = invoke("nope", "{\"operation\":\"create\"}");
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(json(unknown.body()).path("message").asText())
                .isEqualTo("error invoking output binding nope: couldn't find output binding nope");
        HttpResponse<String> badOp = invoke("files", "{\"operation\":\"rename\"}");
        assertThat(badOp.statusCode()).isEqualTo(500);
        assertThat(json(badOp.body()).path("errorCode").asText()).isEqualTo("ERR_INVOKE_OUTPUT_BINDING");
        assertThat(json(badOp.body()).path("message").asText()).isEqualTo("error invoking output binding files: binding files "
                + "does not support operation rename. supported operations:create get list delete");
        assertThat(json(invoke("files", "{}").body()).path("message").asText()).contains("operation field is missing");
        // an input-only binding is no output binding
        assertThat(json(invoke("ticker", "{\"operation\":\"create\"}").body()).path("message").asText())
                .contains("couldn't find output binding ticker");
    }

    @Test
    void metadataShowsTheDirectionOfEachBinding() throws Exception {
        JsonNode metadata = json(CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort()
                + "/v1.0/metadata")).build(), HttpResponse.BodyHandlers.ofString()).body());
        java.util.Map<String, String> capabilities = new java.util.HashMap<>();
        metadata.path("components").forEach(c -> capabilities.put(c.path("name").asText(), c.path("capabilities").toString()));
        assertThat(capabilities).containsEntry("ticker", "[\"INPUT_BINDING\"]")
                .containsEntry("files", "[\"OUTPUT_BINDING\"]").containsEntry("web", "[\"OUTPUT_BINDING\"]");
    }

    @Test
    void malformedBodyIs400() throws Exception {
        HttpResponse<String> r = invoke("files", "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("errorCode").asText()).isEqualTo("ERR_MALFORMED_REQUEST");
        assertThat(invoke("files", "{\"operation\":\"get\",\"metadata\":{\"fileName\":7}}").statusCode()).isEqualTo(400);
    }
}
