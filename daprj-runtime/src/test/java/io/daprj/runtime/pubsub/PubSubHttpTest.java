package io.daprj.runtime.pubsub;

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
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing over HTTP into an HTTP subscriber app, with Dapr's envelope, verdicts, dead letters and scopes. */
class PubSubHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SUBSCRIPTIONS = """
            [{"pubsubname":"pubsub","topic":"orders","route":"/orders"},
             {"pubsubname":"pubsub","topic":"a/b","route":"/slashed"},
             {"pubsubname":"pubsub","topic":"retry","routes":{"default":"/retry"}},
             {"pubsubname":"pubsub","topic":"drop","route":"/drop","deadLetterTopic":"dead"},
             {"pubsubname":"pubsub","topic":"expired","route":"/expired","deadLetterTopic":"dead"},
             {"pubsubname":"pubsub","topic":"dead","route":"/dead"},
             {"pubsubname":"pubsub","topic":"missing","route":"/missing"},
             {"pubsubname":"pubsub","topic":"raw","route":"/raw","metadata":{"rawPayload":"true"}},
             {"pubsubname":"pubsub","topic":"garbage","route":"/garbage"}]
            """;
    private static final String RESOURCES = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: pubsub}
            spec:
              type: pubsub.in-memory
              version: v1
              metadata:
              - {name: redeliveryInterval, value: 20ms}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: scoped}
            spec:
              type: pubsub.in-memory
              version: v1
              metadata:
              - {name: publishingScopes, value: "subscriber=allowed;other=forbidden"}
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata: {name: widgets}
            spec:
              pubsubname: pubsub
              topic: widgets
              routes:
                rules:
                - {match: 'event.data.kind == "big" && event.type == "com.dapr.event.sent"', path: /big}
                default: /small
            scopes: [subscriber]
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Subscription
            metadata: {name: elsewhere}
            spec: {pubsubname: pubsub, topic: notmine, route: /notmine}
            scopes: [another-app]
            """;

    @TempDir
    static Path dir;

    static TestSubscriberApp app;
    static Sidecar sidecar;
    static final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = new TestSubscriberApp(SUBSCRIPTIONS, r -> {
            int n = calls.computeIfAbsent(r.path(), p -> new AtomicInteger()).incrementAndGet();
            return switch (r.path()) {
                case "/retry" -> new TestSubscriberApp.Answer(200, n <= 2 ? "{\"status\":\"RETRY\"}" : "{\"status\":\"SUCCESS\"}");
                case "/drop" -> new TestSubscriberApp.Answer(200, "{\"status\":\"DROP\"}");
                case "/missing" -> new TestSubscriberApp.Answer(404, "");
                case "/garbage" -> new TestSubscriberApp.Answer(200, "{this is not json");
                default -> new TestSubscriberApp.Answer(200, "");
            };
        });
        Path resources = TestSidecars.write(dir.resolve("resources"), "pubsub.yaml", RESOURCES);
        sidecar = Sidecar.start(TestSidecars.options("subscriber", resources, null, "--app-port", Integer.toString(app.port())));
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptionCount() == 10);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        app.close();
    }

    @Test
    void publishedJsonReachesTheAppAsDaprCloudEvent() {
        HttpResponse<String> r = post("/v1.0/publish/pubsub/orders", "{\"orderId\":42}", "application/json");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !app.at("/orders").isEmpty());
        TestSubscriberApp.Received got = app.at("/orders").getFirst();
        assertThat(got.contentType()).isEqualTo("application/cloudevents+json");
        JsonNode ce = got.body();
        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("type").asText()).isEqualTo("com.dapr.event.sent");
        assertThat(ce.path("source").asText()).isEqualTo("subscriber");
        assertThat(ce.path("topic").asText()).isEqualTo("orders");
        assertThat(ce.path("pubsubname").asText()).isEqualTo("pubsub");
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("data").path("orderId").asInt()).isEqualTo(42);
        assertThat(ce.path("id").asText()).hasSize(36);
        assertThat(ce.path("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .isEqualTo(ce.path("traceid").asText());
        assertThat(app.subscribeCalls()).contains("subscriber");
    }

    @Test
    void cloudEventOverridesAndTtlShapeTheEnvelope() {
        post("/v1.0/publish/pubsub/a/b?metadata.cloudevent.id=my-id&metadata.cloudevent.type=my.type"
                + "&metadata.cloudevent.subject=s1&metadata.ttlInSeconds=60", "plain text", "text/plain");
        await().atMost(Duration.ofSeconds(5)).until(() -> !app.at("/slashed").isEmpty());
        JsonNode ce = app.at("/slashed").getFirst().body();
        assertThat(ce.path("id").asText()).isEqualTo("my-id");
        assertThat(ce.path("type").asText()).isEqualTo("my.type");
        assertThat(ce.path("subject").asText()).isEqualTo("s1");
        assertThat(ce.path("topic").asText()).isEqualTo("a/b");
        assertThat(ce.path("data").asText()).isEqualTo("plain text");
        assertThat(ce.path("expiration").asText()).isNotEmpty();
    }

    @Test
    void retryRedeliversUntilTheAppSucceeds() {
        post("/v1.0/publish/pubsub/retry", "again", "text/plain");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/retry").size() == 3);
        assertThat(app.at("/retry")).extracting(r -> r.body().path("id").asText()).containsOnly(
                app.at("/retry").getFirst().body().path("id").asText());
    }

    @Test
    void dropSendsTheEventToTheDeadLetterTopicOnce() {
        post("/v1.0/publish/pubsub/drop?metadata.cloudevent.id=dropped-1", "bye", "text/plain");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/dead").stream()
                .anyMatch(r -> r.body().path("id").asText().equals("dropped-1")));
        assertThat(app.at("/drop")).hasSize(1);
    }

    @Test
    void expiredEventIsNotDelivered() {
        String ce = "{\"id\":\"old-1\",\"specversion\":\"1.0\",\"source\":\"x\",\"type\":\"t\","
                + "\"expiration\":\"2001-01-01T00:00:00Z\",\"data\":1}";
        assertThat(post("/v1.0/publish/pubsub/expired", ce, "application/cloudevents+json").statusCode()).isEqualTo(204);
        post("/v1.0/publish/pubsub/expired?metadata.cloudevent.id=fresh-1", "fresh", "text/plain");
        // one subscription delivers in publish order, so the expired event was handled before this one arrived
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/expired").size() == 1);
        assertThat(app.at("/expired").getFirst().body().path("id").asText()).isEqualTo("fresh-1");
    }

    @Test
    void notFoundFromTheAppDropsWithoutRedelivery() throws Exception {
        post("/v1.0/publish/pubsub/missing", "x", "text/plain");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/missing").size() == 1);
        Thread.sleep(200); // ten redelivery intervals: a redelivery would have shown
        assertThat(app.at("/missing")).hasSize(1);
    }

    @Test
    void rawPayloadTravelsUnwrappedAndArrivesAsDataBase64() {
        post("/v1.0/publish/pubsub/raw?metadata.rawPayload=true", "raw-bytes", "application/octet-stream");
        await().atMost(Duration.ofSeconds(5)).until(() -> !app.at("/raw").isEmpty());
        JsonNode ce = app.at("/raw").getFirst().body();
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/octet-stream");
        assertThat(new String(Base64.getDecoder().decode(ce.path("data_base64").asText()))).isEqualTo("raw-bytes");
    }

    @Test
    void declarativeRoutingRulePicksThePath() {
        post("/v1.0/publish/pubsub/widgets", "{\"kind\":\"big\"}", "application/json");
        post("/v1.0/publish/pubsub/widgets", "{\"kind\":\"tiny\"}", "application/json");
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/big").size() == 1 && app.at("/small").size() == 1);
        assertThat(app.at("/big").getFirst().body().path("data").path("kind").asText()).isEqualTo("big");
    }

    @Test
    void bulkPublishDeliversEveryEntry() {
        String body = """
                [{"entryId":"1","event":{"n":1},"contentType":"application/json"},
                 {"entryId":"2","event":"two","contentType":"text/plain"}]""";
        assertThat(post("/v1.0-alpha1/publish/bulk/pubsub/orders", body, "application/json").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> app.at("/orders").stream()
                .anyMatch(r -> r.body().path("data").asText().equals("two")));
        assertThat(app.at("/orders")).anyMatch(r -> r.body().path("data").path("n").asInt() == 1);
    }

    @Test
    void bulkPublishWithDuplicateEntryIdsIs400() {
        HttpResponse<String> r = post("/v1.0/publish/bulk/pubsub/orders",
                "[{\"entryId\":\"1\",\"event\":1},{\"entryId\":\"1\",\"event\":2}]", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("ERR_PUBSUB_EVENTS_SER");
    }

    @Test
    void bulkPublishBodyThatIsNotAJsonArrayIs400() {
        for (String body : new String[] {"{not json", "{\"entryId\":\"1\",\"event\":1}"}) {
            HttpResponse<String> r = post("/v1.0-alpha1/publish/bulk/pubsub/orders", body, "application/json");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("\"errorCode\":\"ERR_PUBSUB_EVENTS_SER\"")
                    .contains("error when unmarshaling the request for topic orders pubsub pubsub");
        }
    }

    @Test
    void bulkPublishToAnUnknownPubsubIs404() {
        HttpResponse<String> r = post("/v1.0-alpha1/publish/bulk/nope/orders", "[{\"entryId\":\"1\",\"event\":1}]",
                "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"errorCode\":\"ERR_PUBSUB_NOT_FOUND\"");
    }

    @Test
    void unparseableAnswerFromTheAppCountsAsSuccessLikeDaprd() throws Exception {
        post("/v1.0/publish/pubsub/garbage", "x", "text/plain");
        await().atMost(Duration.ofSeconds(5)).until(() -> !app.at("/garbage").isEmpty());
        Thread.sleep(300); // the in-memory broker would redeliver after 20 ms if it had been a failure
        assertThat(app.at("/garbage")).hasSize(1);
    }

    @Test
    void topicOutsideThePublishingScopesIs403() {
        HttpResponse<String> r = post("/v1.0/publish/scoped/forbidden", "x", "text/plain");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"errorCode\":\"ERR_PUBSUB_FORBIDDEN\"")
                .contains("topic forbidden is not allowed for app id subscriber");
        assertThat(post("/v1.0/publish/scoped/allowed", "x", "text/plain").statusCode()).isEqualTo(204);
    }

    @Test
    void unknownPubsubIs404AndEmptyTopicIs404() {
        HttpResponse<String> r = post("/v1.0/publish/nope/orders", "x", "text/plain");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"errorCode\":\"ERR_PUBSUB_NOT_FOUND\"").contains("pubsub nope is not found");
        HttpResponse<String> empty = post("/v1.0/publish/pubsub", "x", "text/plain");
        assertThat(empty.statusCode()).isEqualTo(404);
        assertThat(empty.body()).contains("ERR_TOPIC_NAME_EMPTY");
    }

    @Test
    void metadataListsProgrammaticAndDeclarativeSubscriptions() throws Exception {
        JsonNode subs = JSON.readTree(get("/v1.0/metadata").body()).path("subscriptions");
        assertThat(subs).anyMatch(s -> s.path("topic").asText().equals("orders")
                && s.path("type").asText().equals("PROGRAMMATIC")
                && s.path("rules").get(0).path("path").asText().equals("/orders"));
        assertThat(subs).anyMatch(s -> s.path("topic").asText().equals("widgets")
                && s.path("type").asText().equals("DECLARATIVE")
                && s.path("rules").get(0).path("match").asText().startsWith("event.data.kind")
                && s.path("rules").get(1).path("path").asText().equals("/small"));
        assertThat(subs).anyMatch(s -> s.path("topic").asText().equals("drop")
                && s.path("deadLetterTopic").asText().equals("dead"));
        assertThat(subs).noneMatch(s -> s.path("topic").asText().equals("notmine"));
    }

    private static int subscriptionCount() throws Exception {
        return JSON.readTree(get("/v1.0/metadata").body()).path("subscriptions").size();
    }

    private static HttpResponse<String> post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sidecar.httpPort() + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
