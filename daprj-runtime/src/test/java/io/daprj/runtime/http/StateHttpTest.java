package io.daprj.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateHttpTest {

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static HttpClientSupport http;

    @BeforeAll
    static void start() throws Exception {
        Path resources = TestSidecars.inMemoryResources(dir);
        TestSidecars.write(resources, "plain.yaml", "kind: Component\nmetadata: {name: plainstore}\nspec: {type: state.plain, version: v1}\n");
        sidecar = Sidecar.start(TestSidecars.options("orders", resources, null));
        http = new HttpClientSupport(sidecar.httpPort());
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    @Test
    void saveReturns204WithEmptyBodyAndGetReturnsRawJsonWithEtag() {
        HttpResponse<String> save = http.post("/v1.0/state/statestore", "[{\"key\":\"k1\",\"value\":{\"a\":1}}]",
                "Content-Type", "application/json");
        assertThat(save.statusCode()).isEqualTo(204);
        assertThat(save.body()).isEmpty();
        HttpResponse<String> get = http.get("/v1.0/state/statestore/k1");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"a\":1}");
        assertThat(get.headers().firstValue("etag")).isPresent();
    }

    @Test
    void missingKeyIs204() {
        HttpResponse<String> get = http.get("/v1.0/state/statestore/nope");
        assertThat(get.statusCode()).isEqualTo(204);
        assertThat(get.body()).isEmpty();
    }

    @Test
    void unknownStoreIs400StateStoreNotFound() {
        HttpResponse<String> get = http.get("/v1.0/state/nostore/k");
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.body()).contains("\"errorCode\":\"ERR_STATE_STORE_NOT_FOUND\"")
                .contains("state store nostore is not found").contains("DAPR_STATE_NOT_FOUND");
    }

    @Test
    void malformedJsonIs400MalformedRequest() {
        HttpResponse<String> save = http.post("/v1.0/state/statestore", "[{\"key\":", "Content-Type", "application/json");
        assertThat(save.statusCode()).isEqualTo(400);
        assertThat(save.body()).contains("ERR_MALFORMED_REQUEST");
    }

    @Test
    void keyWithDoublePipeIsRejected() {
        HttpResponse<String> save = http.post("/v1.0/state/statestore", "[{\"key\":\"a||b\",\"value\":1}]");
        assertThat(save.statusCode()).isEqualTo(400);
        assertThat(save.body()).contains("ERR_MALFORMED_REQUEST").contains("DAPR_STATE_ILLEGAL_KEY");
    }

    @Test
    void wrongEtagIs409AndStoredValueIsKept() {
        http.post("/v1.0/state/statestore", "[{\"key\":\"e1\",\"value\":\"v1\"}]");
        HttpResponse<String> update = http.post("/v1.0/state/statestore", "[{\"key\":\"e1\",\"value\":\"v2\",\"etag\":\"999999\"}]");
        assertThat(update.statusCode()).isEqualTo(409);
        assertThat(update.body()).contains("ERR_STATE_SAVE");
        assertThat(http.get("/v1.0/state/statestore/e1").body()).isEqualTo("\"v1\"");
        HttpResponse<String> delete = http.send("DELETE", "/v1.0/state/statestore/e1", null, "If-Match", "999999");
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.body()).contains("ERR_STATE_DELETE");
    }

    @Test
    void rightEtagUpdatesAndDeletes() {
        http.post("/v1.0/state/statestore", "[{\"key\":\"e2\",\"value\":1}]");
        String etag = http.get("/v1.0/state/statestore/e2").headers().firstValue("etag").orElseThrow();
        assertThat(http.post("/v1.0/state/statestore", "[{\"key\":\"e2\",\"value\":2,\"etag\":\"" + etag + "\"}]").statusCode())
                .isEqualTo(204);
        String etag2 = http.get("/v1.0/state/statestore/e2").headers().firstValue("etag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);
        assertThat(http.send("DELETE", "/v1.0/state/statestore/e2", null, "If-Match", etag2).statusCode()).isEqualTo(204);
        assertThat(http.get("/v1.0/state/statestore/e2").statusCode()).isEqualTo(204);
    }

    @Test
    void firstWriteRejectsSecondWriteWithoutEtag() {
        String item = "[{\"key\":\"fw\",\"value\":1,\"options\":{\"concurrency\":\"first-write\"}}]";
        assertThat(http.post("/v1.0/state/statestore", item).statusCode()).isEqualTo(204);
        assertThat(http.post("/v1.0/state/statestore", item).statusCode()).isEqualTo(409);
    }

    @Test
    void bulkGetReturnsDataEtagsAndMissingKeys() {
        http.post("/v1.0/state/statestore", "[{\"key\":\"b1\",\"value\":{\"x\":1}},{\"key\":\"b2\",\"value\":\"two\"}]");
        HttpResponse<String> bulk = http.post("/v1.0/state/statestore/bulk", "{\"keys\":[\"b1\",\"b2\",\"b3\"]}");
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(bulk.body()).startsWith("[{\"key\":\"b1\",\"data\":{\"x\":1},\"etag\":")
                .contains("{\"key\":\"b2\",\"data\":\"two\"").contains("{\"key\":\"b3\"}");
    }

    @Test
    void transactionAppliesInOrderAndRejectsUnknownOperation() {
        HttpResponse<String> tx = http.post("/v1.0/state/statestore/transaction", """
                {"operations":[
                  {"operation":"upsert","request":{"key":"t1","value":1}},
                  {"operation":"delete","request":{"key":"t1"}},
                  {"operation":"upsert","request":{"key":"t1","value":2}}]}""");
        assertThat(tx.statusCode()).isEqualTo(204);
        assertThat(http.get("/v1.0/state/statestore/t1").body()).isEqualTo("2");
        HttpResponse<String> bad = http.post("/v1.0/state/statestore/transaction",
                "{\"operations\":[{\"operation\":\"merge\",\"request\":{\"key\":\"t2\"}}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ERR_NOT_SUPPORTED_STATE_OPERATION");
    }

    @Test
    void ttlIsReportedAndExpires() throws Exception {
        http.post("/v1.0/state/statestore", "[{\"key\":\"ttl\",\"value\":1,\"metadata\":{\"ttlInSeconds\":\"1\"}}]");
        HttpResponse<String> get = http.get("/v1.0/state/statestore/ttl");
        assertThat(get.headers().firstValue("metadata.ttlexpiretime")).isPresent();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> http.get("/v1.0/state/statestore/ttl").statusCode() == 204);
    }

    @Test
    void badTtlIsAnError() {
        HttpResponse<String> save = http.post("/v1.0/state/statestore",
                "[{\"key\":\"ttlbad\",\"value\":1,\"metadata\":{\"ttlInSeconds\":\"abc\"}}]");
        assertThat(save.statusCode()).isEqualTo(500);
        assertThat(save.body()).contains("ERR_STATE_SAVE");
        assertThat(http.get("/v1.0/state/statestore/ttlbad").statusCode()).isEqualTo(204);
    }

    @Test
    void queryFiltersSortsAndPagesWithTheAppsKeys() {
        http.post("/v1.0/state/statestore", """
                [{"key":"q1","value":{"kind":"qq","n":3}},{"key":"q2","value":{"kind":"qq","n":1}},
                 {"key":"q3","value":{"kind":"qq","n":2}},{"key":"q4","value":{"kind":"other","n":0}}]""");
        String query = "{\"filter\":{\"EQ\":{\"kind\":\"qq\"}},\"sort\":[{\"key\":\"n\",\"order\":\"DESC\"}],"
                + "\"page\":{\"limit\":2}}";
        HttpResponse<String> first = http.post("/v1.0-alpha1/state/statestore/query", query);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("{\"results\":[{\"key\":\"q1\",\"data\":{\"kind\":\"qq\",\"n\":3},\"etag\":")
                .contains("{\"key\":\"q3\"").contains("\"token\":\"2\"");
        HttpResponse<String> second = http.post("/v1.0-alpha1/state/statestore/query",
                query.replace("\"limit\":2", "\"limit\":2,\"token\":\"2\""));
        assertThat(second.body()).contains("\"key\":\"q2\"").doesNotContain("q1").doesNotContain("token");
        HttpResponse<String> none = http.post("/v1.0-alpha1/state/statestore/query", "{\"filter\":{\"EQ\":{\"kind\":\"zz\"}}}");
        assertThat(none.statusCode()).isEqualTo(204);
    }

    @Test
    void malformedQueryIs400() {
        HttpResponse<String> q = http.post("/v1.0-alpha1/state/statestore/query", "{\"filter\":{\"LIKE\":{\"a\":1}}}");
        assertThat(q.statusCode()).isEqualTo(400);
        assertThat(q.body()).contains("ERR_MALFORMED_REQUEST").contains("LIKE");
    }

    @Test
    void storeWithoutQueryOrTransactionsSaysNotSupported() {
        HttpResponse<String> q = http.post("/v1.0-alpha1/state/plainstore/query", "{}");
        assertThat(q.statusCode()).isEqualTo(500);
        assertThat(q.body()).contains("ERR_STATE_STORE_NOT_SUPPORTED").contains("DAPR_STATE_QUERYING_NOT_SUPPORTED");
        HttpResponse<String> tx = http.post("/v1.0/state/plainstore/transaction",
                "{\"operations\":[{\"operation\":\"upsert\",\"request\":{\"key\":\"a\",\"value\":1}}]}");
        assertThat(tx.statusCode()).isEqualTo(500);
        assertThat(tx.body()).contains("ERR_STATE_STORE_NOT_SUPPORTED").contains("DAPR_STATE_TRANSACTIONS_NOT_SUPPORTED");
    }

    @Test
    void metadataListsTheStoreWithCapabilities() {
        HttpResponse<String> md = http.get("/v1.0/metadata");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.body()).contains("\"id\":\"orders\"")
                .contains("{\"name\":\"statestore\",\"type\":\"state.in-memory\",\"version\":\"v1\",\"capabilities\":[")
                .contains("\"ACTOR\"").contains("\"QUERY_API\"").contains("\"daprRuntimeVersion\"")
                .contains("{\"name\":\"plainstore\",\"type\":\"state.plain\",\"version\":\"v1\"}");
        assertThat(http.send("PUT", "/v1.0/metadata/color", "blue").statusCode()).isEqualTo(204);
        assertThat(http.get("/v1.0/metadata").body()).contains("\"color\":\"blue\"");
    }

    @Test
    void healthzIsReadyWithoutApp() {
        assertThat(http.get("/v1.0/healthz").statusCode()).isEqualTo(204);
        assertThat(http.get("/v1.0/healthz/outbound").statusCode()).isEqualTo(204);
        HttpResponse<String> wrongApp = http.get("/v1.0/healthz?appid=other");
        assertThat(wrongApp.statusCode()).isEqualTo(500);
        assertThat(wrongApp.body()).contains("ERR_HEALTH_APPID_NOT_MATCH");
    }

    @Test
    void unmatchedPathWithoutAppIdIs404DirectInvoke() {
        HttpResponse<String> r = http.get("/v1.0/nothing/here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("ERR_DIRECT_INVOKE");
    }
}
