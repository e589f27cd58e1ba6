package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk subscribe into an HTTP app: daprd's bulk envelope, batches bounded by {@code maxMessagesCount}, per-entry
 * statuses driving acknowledgement, redelivery and the dead-letter topic, programmatic and declarative.
 */
class BulkSubscribeHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SUBSCRIPTIONS = """
            [{"pubsubname":"pubsub","topic":"bulk","route":"/bulk",
              "bulkSubscribe":{"enabled":true,"maxMessagesCount":3,"maxAwaitDurationMs":300}},
             {"pubsubname":"pubsub","topic":"bulk-dl","route":"/bulk-dl","deadLetterTopic":"bulk-dead",
              "bulkSubscribe":{"enabled":true,"maxMessagesCount":3,"maxAwaitDurationMs":100}},
             {"pubsubname":"pubsub","topic":"bulk-dead","route":"/dead"},
             {"pubsubname":"pubsub","topic":"gone","route":"/gone","bulkSubscribe":{"enabled":true,"maxAwaitDurationMs":50}}]
            """;
    private static final String RESOURCES = """
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata: {name: declared}
            spec:
              pubsubname: pubsub
              topic: declared
              routes: {default: /declared}
              bulkSubscribe: {enabled: true, maxMessagesCount: 2, maxAwaitDurationMs: 100}
            """;

    @TempDir
    static Path dir;

    static TestSubscriberApp app;
    static Sidecar sidecar;
    /** The data of entries the app already answered once (for "retry" and "omit", which succeed the second time). */
    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        app = new TestSubscriberApp(SUBSCRIPTIONS, r -> switch (r.path()) {
            case "/bulk", "/bulk-dl", "/declared" -> new TestSubscriberApp.Answer(200, statuses(r.body()));
            case "/gone" -> new TestSubscriberApp.Answer(404, "");
            default -> new TestSubscriberApp.Answer(200, "");
        });
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml",
                SqliteBrokerYaml.of(dir.resolve("pubsub.db"), 10) + "---\n" + RESOURCES);
        sidecar = Sidecar.start(TestSidecars.options("bulksub", resources, null, "--app-port", Integer.toString(app.port())));
        await().atMost(WAIT).until(() -> get("/v1.0/metadata").contains("\"declared\"") && get("/v1.0/metadata").contains("\"gone\"")
                && get("/v1.0/metadata").contains("\"bulk-dl\""));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
    }

    /** The app's answer: SUCCESS for most, DROP for "drop", RETRY once for "retry", no status once for "omit". */
    private static String statuses(JsonNode body) {
        StringBuilder out = new StringBuilder("{\"statuses\":[");
        String sep = "";
        for (JsonNode entry : body.path("entries")) {
            String data = entry.path("event").path("data").asText();
            boolean first = seen.add(data);
            String status = switch (data) {
                case "drop" -> "DROP";
                case "retry" -> first ? "RETRY" : "SUCCESS";
                case "omit" -> first ? null : "SUCCESS";
                default -> "SUCCESS";
            };
            if (status != null) {
                out.append(sep).append("{\"entryId\":\"").append(entry.path("entryId").asText())
                        .append("\",\"status\":\"").append(status).append("\"}");
                sep = ",";
            }
        }
        return out.append("]}").toString();
    }

    /** The data of every entry the app got at {@code path}, one item per delivery. */
    private static List<String> deliveredData(String path) {
        List<String> data = new ArrayList<>();
        app.at(path).forEach(r -> r.body().path("entries").forEach(e -> data.add(e.path("event").path("data").asText())));
        return data;
    }

    @Test
    void entriesArriveInBatchesAndEachStatusSettlesItsOwnMessage() throws Exception {
        String body = """
                [{"entryId":"1","event":"ok-1","contentType":"text/plain"},
                 {"entryId":"2","event":"ok-2","contentType":"text/plain"},
                 {"entryId":"3","event":"retry","contentType":"text/plain"},
                 {"entryId":"4","event":"omit","contentType":"text/plain"},
                 {"entryId":"5","event":"drop","contentType":"text/plain"}]
                """;
        assertThat(post("/v1.0-alpha1/publish/bulk/pubsub/bulk", body).statusCode()).isEqualTo(204);
        await().atMost(WAIT).until(() -> deliveredData("/bulk").contains("drop")
                && deliveredData("/bulk").stream().filter(d -> d.equals("retry") || d.equals("omit")).count() == 4);
        Thread.sleep(500); // nothing else may arrive: the successful and dropped entries were acknowledged
        assertThat(deliveredData("/bulk")).containsExactlyInAnyOrder("ok-1", "ok-2", "retry", "retry", "omit", "omit", "drop");

        List<TestSubscriberApp.Received> batches = app.at("/bulk");
        assertThat(batches).allSatisfy(r -> assertThat(r.body().path("entries").size()).isBetween(1, 3));
        assertThat(batches).anySatisfy(r -> assertThat(r.body().path("entries").size()).isGreaterThan(1));
        JsonNode first = batches.getFirst().body();
        assertThat(batches.getFirst().contentType()).startsWith("application/json");
        assertThat(first.path("type").asText()).isEqualTo("com.dapr.event.sent.bulk");
        assertThat(first.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(first.path("topic").asText()).isEqualTo("bulk");
        assertThat(first.path("id").asText()).isNotEmpty();
        JsonNode entry = first.path("entries").get(0);
        assertThat(entry.path("entryId").asText()).isNotEmpty();
        assertThat(entry.path("contentType").asText()).isEqualTo("application/cloudevents+json");
        assertThat(entry.path("event").path("specversion").asText()).isEqualTo("1.0");
        assertThat(entry.path("event").path("topic").asText()).isEqualTo("bulk");
        assertThat(entry.path("event").path("datacontenttype").asText()).isEqualTo("text/plain");
    }

    @Test
    void aDroppedEntryGoesToTheDeadLetterTopicAndItsBatchMatesDoNot() {
        post("/v1.0/publish/bulk/pubsub/bulk-dl", """
                [{"entryId":"1","event":"drop","contentType":"text/plain"},{"entryId":"2","event":"fine","contentType":"text/plain"}]
                """);
        await().atMost(WAIT).until(() -> !app.at("/dead").isEmpty() && deliveredData("/bulk-dl").contains("fine"));
        assertThat(app.at("/dead")).singleElement().satisfies(r -> assertThat(r.body().path("data").asText()).isEqualTo("drop"));
    }

    @Test
    void notFoundFromTheAppDropsTheWholeBatch() throws Exception {
        post("/v1.0/publish/bulk/pubsub/gone", """
                [{"entryId":"a","event":"x","contentType":"text/plain"},{"entryId":"b","event":"y","contentType":"text/plain"}]
                """);
        await().atMost(WAIT).until(() -> deliveredData("/gone").size() == 2);
        Thread.sleep(500);
        assertThat(deliveredData("/gone")).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void declarativeSubscriptionWithBulkSubscribeGetsTheBulkEnvelope() {
        post("/v1.0/publish/pubsub/declared", "{\"n\":1}", "application/json");
        await().atMost(WAIT).until(() -> !app.at("/declared").isEmpty());
        JsonNode body = app.at("/declared").getFirst().body();
        assertThat(body.path("type").asText()).isEqualTo("com.dapr.event.sent.bulk");
        assertThat(body.path("entries").get(0).path("event").path("data").path("n").asInt()).isEqualTo(1);
    }

    private static HttpResponse<String> post(String path, String body) {
        return post(path, body, "application/json");
    }

    private static HttpResponse<String> post(String path, String body, String contentType) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
