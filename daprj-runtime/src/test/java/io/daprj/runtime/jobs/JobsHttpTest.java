package io.daprj.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs HTTP API and the embedded scheduler firing {@code POST /job/{name}} into an HTTP app. */
class JobsHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private JobApp app;
    private Sidecar sidecar;

    @BeforeEach
    void start() throws Exception {
        app = new JobApp(c -> c.path().equals("/job/flaky") && c.body().contains("fail") ? 500 : 200);
        sidecar = start(home, app.port());
    }

    @AfterEach
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        app.close();
    }

    static Sidecar start(Path home, int appPort) throws Exception {
        DaprdOptions options = TestSidecars.options("jobs-app", TestSidecars.inMemoryResources(home), null,
                "--app-port", String.valueOf(appPort));
        options.environment = Map.of("DAPRJ_HOME", home.toString());
        return Sidecar.start(options);
    }

    @Test
    void scheduledJobIsReadBackAsProtojsonAndDeleted() throws Exception {
        HttpResponse<String> post = send("POST", "/v1.0-alpha1/jobs/report", """
                {"schedule":"@daily","repeats":5,"ttl":"1h","data":{"kind":"daily","n":1},
                 "failurePolicy":{"constant":{"interval":"3s","maxRetries":2}}}""");
        assertThat(post.statusCode()).isEqualTo(204);

        HttpResponse<String> get = send("GET", "/v1.0/jobs/report", null);
        assertThat(get.statusCode()).isEqualTo(200);
        JsonNode job = JSON.readTree(get.body());
        assertThat(job.path("name").asText()).isEqualTo("report");
        assertThat(job.path("schedule").asText()).isEqualTo("@daily");
        assertThat(job.path("repeats").asInt()).isEqualTo(5);
        assertThat(job.path("ttl").asText()).isEqualTo("1h");
        assertThat(job.path("data").path("@type").asText()).isEqualTo("type.googleapis.com/google.protobuf.Value");
        assertThat(job.path("data").path("value")).isEqualTo(JSON.readTree("{\"kind\":\"daily\",\"n\":1}"));
        assertThat(job.path("failurePolicy").path("constant").path("interval").asText()).isEqualTo("3s");

        assertThat(send("DELETE", "/v1.0-alpha1/jobs/report", null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = send("GET", "/v1.0-alpha1/jobs/report", null);
        assertThat(gone.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(gone.body()).path("errorCode").asText()).isEqualTo("DAPR_SCHEDULER_GET_JOB");
    }

    @Test
    void badJobsAreRefusedWithDaprCodes() throws Exception {
        assertError(send("POST", "/v1.0-alpha1/jobs/nothing", "{\"data\":1}"), 400, "DAPR_SCHEDULER_SCHEDULE_EMPTY");
        assertError(send("POST", "/v1.0-alpha1/jobs/named", "{\"name\":\"x\",\"dueTime\":\"1s\"}"), 400,
                "DAPR_SCHEDULER_JOB_NAME");
        assertError(send("POST", "/v1.0-alpha1/jobs/badcron", "{\"schedule\":\"* * * *\"}"), 400,
                "DAPR_SCHEDULER_SCHEDULE_JOB");
        assertError(send("POST", "/v1.0-alpha1/jobs/badcron", "{\"schedule\":\"@fortnightly\"}"), 400,
                "DAPR_SCHEDULER_SCHEDULE_JOB");
        assertError(send("POST", "/v1.0-alpha1/jobs/baddue", "{\"dueTime\":\"soon\"}"), 400,
                "DAPR_SCHEDULER_SCHEDULE_JOB");
        assertError(send("POST", "/v1.0-alpha1/jobs/badttl", "{\"schedule\":\"@hourly\",\"ttl\":\"P1Q\"}"), 400,
                "DAPR_SCHEDULER_SCHEDULE_JOB");
        assertError(send("POST", "/v1.0-alpha1/jobs/badjson", "{not json"), 400, "ERR_MALFORMED_REQUEST");
    }

    @Test
    void secondScheduleWithoutOverwriteIsRefusedAndWithOverwriteReplaces() throws Exception {
        assertThat(send("POST", "/v1.0/jobs/once", "{\"dueTime\":\"1h\",\"data\":\"a\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> again = send("POST", "/v1.0/jobs/once", "{\"dueTime\":\"1h\",\"data\":\"b\"}");
        assertError(again, 409, "DAPR_SCHEDULER_SCHEDULE_JOB");
        assertThat(send("POST", "/v1.0/jobs/once", "{\"dueTime\":\"2h\",\"data\":\"c\",\"overwrite\":true}")
                .statusCode()).isEqualTo(204);
        JsonNode job = JSON.readTree(send("GET", "/v1.0/jobs/once", null).body());
        assertThat(job.path("dueTime").asText()).isEqualTo("2h");
        assertThat(job.path("data").path("value").asText()).isEqualTo("c");
    }

    @Test
    void everySecondJobWithThreeRepeatsFiresExactlyThreeTimes() throws Exception {
        assertThat(send("POST", "/v1.0-alpha1/jobs/tick", "{\"schedule\":\"@every 1s\",\"repeats\":3,"
                + "\"data\":{\"n\":7}}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> app.calls("tick").size() >= 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> send("GET", "/v1.0/jobs/tick", null).statusCode() == 500);
        Thread.sleep(1500); // a fourth trigger would be due by now
        assertThat(app.calls("tick")).hasSize(3).allSatisfy(c -> {
            assertThat(c.body()).isEqualTo("{\"n\":7}");
            assertThat(c.contentType()).startsWith("application/json");
        });
    }

    @Test
    void dueTimeJobFiresOnce() throws Exception {
        String at = java.time.Instant.now().plusMillis(300).toString();
        assertThat(send("POST", "/v1.0/jobs/once", "{\"dueTime\":\"" + at + "\",\"data\":\"hello\"}").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.calls("once").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/v1.0/jobs/once", null).statusCode() == 500);
        Thread.sleep(1200);
        assertThat(app.calls("once")).singleElement().satisfies(c -> assertThat(c.body()).isEqualTo("\"hello\""));
    }

    @Test
    void failedTriggerIsRetriedByTheConstantPolicyThenGivenUp() throws Exception {
        assertThat(send("POST", "/v1.0/jobs/flaky", "{\"dueTime\":\"0s\",\"data\":\"fail\","
                + "\"failurePolicy\":{\"constant\":{\"interval\":\"0.2s\",\"maxRetries\":2}}}").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.calls("flaky").size() >= 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/v1.0/jobs/flaky", null).statusCode() == 500);
        Thread.sleep(800);
        assertThat(app.calls("flaky")).hasSize(3); // the first attempt and two retries
    }

    @Test
    void dropPolicyDoesNotRetry() throws Exception {
        assertThat(send("POST", "/v1.0/jobs/flaky", "{\"dueTime\":\"0s\",\"data\":\"fail\","
                + "\"failurePolicy\":{\"drop\":{}}}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.calls("flaky").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/v1.0/jobs/flaky", null).statusCode() == 500);
        Thread.sleep(1500);
        assertThat(app.calls("flaky")).hasSize(1);
    }

    @Test
    void jobDueWhileTheSidecarWasDownFiresOnceAfterRestart() throws Exception {
        java.time.Instant due = java.time.Instant.now().plusSeconds(6);
        assertThat(send("POST", "/v1.0/jobs/later", "{\"dueTime\":\"" + due + "\",\"data\":{\"kept\":true}}")
                .statusCode()).isEqualTo(204);
        sidecar.close();
        sidecar = null;
        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), due).toMillis() + 500));
        assertThat(app.calls("later")).isEmpty();
        sidecar = start(home, app.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.calls("later").size() == 1);
        assertThat(app.calls("later").getFirst().body()).isEqualTo("{\"kept\":true}");
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errorCode").asText()).isEqualTo(code);
        if (code.startsWith("DAPR_")) {
            assertThat(body.path("details").path(0).path("reason").asText()).isEqualTo(code);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
