package io.daprj.sdkcompat.wire;

import static io.daprj.sdkcompat.harness.DaprErrorBody.assertDaprError;
import static io.daprj.sdkcompat.harness.DaprErrorBody.assertDaprErrorBody;
import static io.daprj.sdkcompat.harness.WireClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import io.daprj.sdkcompat.harness.WireClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state routes of dapr-api.md §1.5 on the embedded {@code statestore}. The sidecar runs with
 * {@code --max-body-size 1Ki}, so every other request here stays well below 1 KiB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class HttpStateWireTest {

    private static final String STATE = "/v1.0/state/statestore";

    private DaprdProcess daprd;
    private WireClient wire;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        daprd = DaprdProcess.builder("wire-state").daprjHome(workDir).args("--max-body-size", "1Ki").start();
        wire = daprd.wire();
    }

    @AfterAll
    void stop() {
        if (daprd != null) {
            daprd.close();
        }
    }

    private static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void save(String key, String valueJson) {
        HttpResponse<String> saved = wire.post(STATE, "[{\"key\":\"" + key + "\",\"value\":" + valueJson + "}]");
        assertThat(saved.statusCode()).as("save %s: %s", key, saved.body()).isEqualTo(204);
    }

    private String etagOf(String key) {
        return wire.get(STATE + "/" + key).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void saveAnswersNoContentWithEmptyBody() {
        HttpResponse<String> response = wire.post(STATE, "[{\"key\":\"" + key("plain") + "\",\"value\":{\"a\":1}}]");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void saveOfEmptyArrayAnswersNoContent() {
        HttpResponse<String> response = wire.post(STATE, "[]");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void getAnswersRawJsonWithEtagHeader() {
        String key = key("json");
        save(key, "{\"a\":1,\"b\":[true,null]}");

        HttpResponse<String> response = wire.get(STATE + "/" + key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).isNotBlank());
        assertThat(json(response.body())).isEqualTo(json("{\"a\":1,\"b\":[true,null]}"));
    }

    @Test
    void stringValueIsStoredAsItsJson() {
        String key = key("text");
        save(key, "\"hello\"");

        assertThat(wire.get(STATE + "/" + key).body()).isEqualTo("\"hello\"");
    }

    @Test
    void getOfMissingKeyAnswersNoContentWithEmptyBody() {
        HttpResponse<String> response = wire.get(STATE + "/" + key("missing"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void deleteAnswersNoContentAndRemovesTheValue() {
        String key = key("delete");
        save(key, "1");

        HttpResponse<String> response = wire.delete(STATE + "/" + key);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(wire.get(STATE + "/" + key).statusCode()).isEqualTo(204);
    }

    @Test
    void deleteWithStaleIfMatchIsConflictWithStateDeleteError() {
        String key = key("delete-etag");
        save(key, "1");
        String stale = etagOf(key);
        save(key, "2");

        assertDaprError(wire.delete(STATE + "/" + key, "If-Match", stale), 409, "ERR_STATE_DELETE");
        assertThat(wire.get(STATE + "/" + key).body()).isEqualTo("2");

        assertThat(wire.delete(STATE + "/" + key, "If-Match", etagOf(key)).statusCode()).isEqualTo(204);
    }

    @Test
    void saveWithStaleEtagIsConflictWithStateSaveError() {
        String key = key("save-etag");
        save(key, "1");
        String stale = etagOf(key);
        save(key, "2");

        HttpResponse<String> response = wire.post(STATE,
                "[{\"key\":\"" + key + "\",\"value\":3,\"etag\":\"" + stale + "\"}]");

        assertDaprError(response, 409, "ERR_STATE_SAVE");
        assertThat(wire.get(STATE + "/" + key).body()).isEqualTo("2");
    }

    @Test
    void secondWriteWithoutEtagIsConflictUnderFirstWrite() {
        String key = key("first-write");
        String item = "[{\"key\":\"" + key + "\",\"value\":%d,\"options\":{\"concurrency\":\"first-write\"}}]";
        assertThat(wire.post(STATE, item.formatted(1)).statusCode()).isEqualTo(204);

        assertDaprError(wire.post(STATE, item.formatted(2)), 409, "ERR_STATE_SAVE");
        assertThat(wire.get(STATE + "/" + key).body()).isEqualTo("1");
    }

    @Test
    void ttlFromQueryMetadataComesBackAsTtlExpireTimeHeader() {
        String key = key("ttl");

        HttpResponse<String> saved = wire.post(STATE + "?metadata.ttlInSeconds=100", "[{\"key\":\"" + key + "\",\"value\":1}]");

        assertThat(saved.statusCode()).isEqualTo(204);
        assertThat(wire.get(STATE + "/" + key).headers().firstValue("metadata.ttlExpireTime")).isPresent();
    }

    @Test
    void malformedJsonIsBadRequestWithMalformedRequestError() {
        assertDaprError(wire.post(STATE, "[{\"key\": \"k\", "), 400, "ERR_MALFORMED_REQUEST");
    }

    @Test
    void itemWithoutKeyIsBadRequestWithMalformedRequestError() {
        assertDaprError(wire.post(STATE, "[{\"value\":1}]"), 400, "ERR_MALFORMED_REQUEST");
    }

    @Test
    void keyContainingDoublePipeIsBadRequestWithMalformedRequestError() {
        assertDaprError(wire.post(STATE, "[{\"key\":\"left||right\",\"value\":1}]"), 400, "ERR_MALFORMED_REQUEST",
                "DAPR_STATE_ILLEGAL_KEY");
        assertDaprError(wire.get(STATE + "/left%7C%7Cright"), 400, "ERR_MALFORMED_REQUEST", "DAPR_STATE_ILLEGAL_KEY");
    }

    @Test
    void unknownStoreIsBadRequestWithStoreNotFoundError() {
        assertDaprError(wire.get("/v1.0/state/no-such-store/k"), 400, "ERR_STATE_STORE_NOT_FOUND", "DAPR_STATE_NOT_FOUND");
        assertDaprError(wire.post("/v1.0/state/no-such-store", "[{\"key\":\"k\",\"value\":1}]"), 400,
                "ERR_STATE_STORE_NOT_FOUND", "DAPR_STATE_NOT_FOUND");
        assertDaprError(wire.delete("/v1.0/state/no-such-store/k"), 400, "ERR_STATE_STORE_NOT_FOUND",
                "DAPR_STATE_NOT_FOUND");
    }

    @Test
    void bulkGetAnswersOneEntryPerKeyWithRawDataAndEtag() {
        String one = key("bulk-one");
        String two = key("bulk-two");
        String missing = key("bulk-missing");
        save(one, "{\"n\":1}");
        save(two, "\"two\"");

        HttpResponse<String> response = wire.post(STATE + "/bulk",
                "{\"keys\":[\"" + one + "\",\"" + two + "\",\"" + missing + "\"],\"parallelism\":2}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = json(response.body());
        assertThat(items.isArray()).as("bulk answer %s", response.body()).isTrue();
        Map<String, JsonNode> byKey = new HashMap<>();
        items.forEach(item -> byKey.put(item.path("key").asText(), item));
        assertThat(byKey).containsOnlyKeys(one, two, missing);
        assertThat(byKey.get(one).get("data")).isEqualTo(json("{\"n\":1}"));
        assertThat(byKey.get(one).path("etag").asText()).isNotBlank();
        assertThat(byKey.get(two).get("data")).isEqualTo(json("\"two\""));
        // daprd omits data and etag of a missing key (omitempty)
        assertThat(byKey.get(missing).has("data")).as("missing key entry %s", byKey.get(missing)).isFalse();
        assertThat(byKey.get(missing).has("etag")).as("missing key entry %s", byKey.get(missing)).isFalse();
    }

    @Test
    void transactionUpsertsAndDeletesAndAnswersNoContent() {
        String kept = key("tx-kept");
        String removed = key("tx-removed");
        save(removed, "0");

        HttpResponse<String> response = wire.post(STATE + "/transaction", """
                {"operations":[
                  {"operation":"upsert","request":{"key":"%s","value":{"v":1}}},
                  {"operation":"delete","request":{"key":"%s"}}]}""".formatted(kept, removed));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(json(wire.get(STATE + "/" + kept).body())).isEqualTo(json("{\"v\":1}"));
        assertThat(wire.get(STATE + "/" + removed).statusCode()).isEqualTo(204);
    }

    @Test
    void transactionWithUnknownOperationIsBadRequestAndChangesNothing() {
        String key = key("tx-unknown");

        HttpResponse<String> response = wire.post(STATE + "/transaction", """
                {"operations":[
                  {"operation":"upsert","request":{"key":"%s","value":1}},
                  {"operation":"merge","request":{"key":"%s","value":2}}]}""".formatted(key, key));

        assertDaprError(response, 400, "ERR_NOT_SUPPORTED_STATE_OPERATION");
        assertThat(wire.get(STATE + "/" + key).statusCode()).isEqualTo(204);
    }

    @Test
    void bodyOverMaxBodySizeIsRejectedAndNothingIsSaved() {
        String key = key("too-big");
        String value = "\"" + "x".repeat(2048) + "\"";

        HttpResponse<String> response = wire.post(STATE, "[{\"key\":\"" + key + "\",\"value\":" + value + "}]");

        // daprd's limiting reader makes the JSON decode fail: 400 ERR_MALFORMED_REQUEST; 413 is the HTTP-native answer.
        // Either way an SDK must get a Dapr error body it can parse, not the server's plain-text page.
        assertThat(response.statusCode()).as("status, body %s", response.body()).isIn(400, 413);
        assertDaprErrorBody(response);
        assertThat(wire.get(STATE + "/" + key).statusCode()).isEqualTo(204);
    }
}
