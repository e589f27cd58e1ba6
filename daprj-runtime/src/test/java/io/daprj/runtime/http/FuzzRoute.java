package io.daprj.runtime.http;

import java.util.List;
import java.util.Set;

/**
 * Every HTTP route of the sidecar but {@code /v1.0/shutdown}, with a valid sample body to mutate and the error codes
 * daprd itself answers with a 5xx on that route (any other 5xx is a difference from daprd).
 */
enum FuzzRoute {
    STATE_SAVE("POST", "/v1.0/state/statestore", true, "[{\"key\":\"k\",\"value\":{\"a\":1},\"etag\":\"1\",\"metadata\":{\"ttlInSeconds\":\"5\"},"
            + "\"options\":{\"concurrency\":\"first-write\",\"consistency\":\"strong\"}}]", "ERR_STATE_SAVE"),
    STATE_BULK("POST", "/v1.0/state/statestore/bulk", true, "{\"keys\":[\"a\",\"b\"],\"parallelism\":2,\"metadata\":{}}", "ERR_STATE_BULK_GET"),
    STATE_TRANSACTION("POST", "/v1.0/state/statestore/transaction", true, "{\"operations\":[{\"operation\":\"upsert\",\"request\":{\"key\":\"t\","
            + "\"value\":1}},{\"operation\":\"delete\",\"request\":{\"key\":\"t\"}}],\"metadata\":{}}", "ERR_STATE_TRANSACTION"),
    STATE_QUERY("POST", "/v1.0-alpha1/state/statestore/query", true, "{\"filter\":{\"EQ\":{\"a\":1}},\"sort\":[{\"key\":\"a\",\"order\":\"ASC\"}],"
            + "\"page\":{\"limit\":2}}", "ERR_STATE_QUERY"),
    STATE_GET("GET", "/v1.0/state/statestore/{p}", false, "", "ERR_STATE_GET"),
    STATE_DELETE("DELETE", "/v1.0/state/{p}/{p}", false, "", "ERR_STATE_DELETE"),
    SECRET_GET("GET", "/v1.0/secrets/localsecrets/{p}", false, "", "ERR_SECRET_GET"),
    SECRET_BULK("GET", "/v1.0/secrets/{p}/bulk", false, "", "ERR_SECRET_GET"),
    PUBLISH("POST", "/v1.0/publish/pubsub/{p}", false, "{\"hello\":\"world\"}", "ERR_PUBSUB_PUBLISH_MESSAGE", "ERR_PUBSUB_CLOUD_EVENTS_SER"),
    BULK_PUBLISH("POST", "/v1.0-alpha1/publish/bulk/pubsub/{p}", true,
            "[{\"entryId\":\"1\",\"event\":{\"a\":1},\"contentType\":\"application/json\",\"metadata\":{}}]", "ERR_PUBSUB_PUBLISH_MESSAGE"),
    BULK_PUBLISH_V1("PUT", "/v1.0/publish/bulk/{p}", true, "[{\"entryId\":\"1\",\"event\":\"x\",\"contentType\":\"text/plain\"}]",
            "ERR_PUBSUB_PUBLISH_MESSAGE"),
    LOCK("POST", "/v1.0-alpha1/lock/lockstore", true, "{\"resourceId\":\"r\",\"lockOwner\":\"o\",\"expiryInSeconds\":5}", "ERR_TRY_LOCK"),
    UNLOCK("POST", "/v1.0-alpha1/unlock/{p}", true, "{\"resourceId\":\"r\",\"lockOwner\":\"o\"}", "ERR_UNLOCK"),
    METADATA_GET("GET", "/v1.0/metadata", false, ""),
    METADATA_PUT("PUT", "/v1.0/metadata/{p}", false, "blue"),
    HEALTHZ("GET", "/v1.0/healthz", false, "", "ERR_HEALTH_APPID_NOT_MATCH"),
    HEALTHZ_OUTBOUND("GET", "/v1.0/healthz/outbound", false, ""),
    BINDINGS("POST", "/v1.0/bindings/files", true, "{\"operation\":\"create\",\"data\":\"hello\",\"metadata\":{\"fileName\":\"f.txt\"}}",
            "ERR_INVOKE_OUTPUT_BINDING"),
    BINDINGS_NAMED("PUT", "/v1.0/bindings/{p}", true, "{\"operation\":\"list\"}", "ERR_INVOKE_OUTPUT_BINDING"),
    INVOKE("POST", "/v1.0/invoke/{p}/method/{p}", false, "{\"x\":1}", "ERR_DIRECT_INVOKE"),
    INVOKE_GET("GET", "/v1.0/invoke/fuzzed/method/a/{p}/b", false, "", "ERR_DIRECT_INVOKE");

    static final List<FuzzRoute> ALL = List.of(values());
    static final List<FuzzRoute> JSON_BODIED = ALL.stream().filter(r -> r.jsonBody).toList();

    private final String method;
    private final String template;
    private final boolean jsonBody;
    private final String sample;
    private final Set<String> daprd5xx;

    FuzzRoute(String method, String template, boolean jsonBody, String sample, String... daprd5xx) {
        this.method = method;
        this.template = template;
        this.jsonBody = jsonBody;
        this.sample = sample;
        this.daprd5xx = Set.of(daprd5xx);
    }

    String method() {
        return method;
    }

    String sample() {
        return sample;
    }

    /** The raw (still escaped) path with {@code param} in each placeholder; routes without one get it as a query. */
    String path(String param) {
        return template.contains("{p}") ? template.replace("{p}", param) : template;
    }

    /** Why {@code a} is not an answer daprd could give on this route, or null when it could. */
    String judge(RawHttp.Answer a) {
        if (a.status() == 0) {
            return "no HTTP answer";
        }
        if (a.status() < 500) {
            return null;
        }
        return daprd5xx.contains(a.errorCode()) ? null : "a 5xx that daprd answers with a 4xx or never";
    }
}
