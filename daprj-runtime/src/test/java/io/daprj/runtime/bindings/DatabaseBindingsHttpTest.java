package io.daprj.runtime.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bindings.postgresql} and {@code bindings.redis} through {@code /v1.0/bindings/{name}} against the machine's
 * servers: response metadata as {@code metadata.*} headers, and Dapr's 500 {@code ERR_INVOKE_OUTPUT_BINDING} for a
 * database error and for an operation the binding does not have.
 */
class DatabaseBindingsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String KEY = "daprj-http-binding-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    static Sidecar sidecar;

    @BeforeAll
    static void start() throws Exception {
        Path resources = TestSidecars.write(dir.resolve("resources"), "bindings.yaml", BindingYaml.all(
                BindingYaml.component("sql", "bindings.postgresql",
                        "connectionString", "host=127.0.0.1 port=5432 user=postgres dbname=test"),
                BindingYaml.component("cache", "bindings.redis", "redisHost", "127.0.0.1:6379")));
        sidecar = Sidecar.start(TestSidecars.options("db-binder", resources, null));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    private static HttpResponse<String> invoke(String name, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/bindings/" + name))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void aQueryAnswersRowsWithItsMetadataAsHeaders() throws Exception {
        HttpResponse<String> r = invoke("sql",
                "{\"operation\":\"query\",\"metadata\":{\"sql\":\"SELECT $1::int + 1, 'x'\",\"params\":\"[41]\"}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[[42,\"x\"]]");
        assertThat(r.headers().firstValue("metadata.operation")).hasValue("query");
        assertThat(r.headers().firstValue("metadata.start-time")).isPresent();
        assertThat(r.headers().firstValue("metadata.duration")).isPresent();
    }

    @Test
    void badSqlIsErrInvokeOutputBindingWithTheDatabasesMessage() throws Exception {
        HttpResponse<String> r = invoke("sql", "{\"operation\":\"exec\",\"metadata\":{\"sql\":\"SELEC 1\"}}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r.body()).path("errorCode").asText()).isEqualTo("ERR_INVOKE_OUTPUT_BINDING");
        assertThat(json(r.body()).path("message").asText()).isEqualTo("error invoking output binding sql: error executing"
                + " query: ERROR: syntax error at or near \"SELEC\" (SQLSTATE 42601)");
    }

    @Test
    void anOperationTheBindingLacksIsRefusedNamingTheSupportedOnes() throws Exception {
        HttpResponse<String> r = invoke("sql", "{\"operation\":\"create\",\"metadata\":{\"sql\":\"SELECT 1\"}}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r.body()).path("errorCode").asText()).isEqualTo("ERR_INVOKE_OUTPUT_BINDING");
        assertThat(json(r.body()).path("message").asText())
                .isEqualTo("error invoking output binding sql: binding sql does not support operation create."
                        + " supported operations:exec query close");
        HttpResponse<String> redis = invoke("cache", "{\"operation\":\"list\",\"metadata\":{\"key\":\"k\"}}");
        assertThat(json(redis.body()).path("message").asText())
                .endsWith("supported operations:create delete get increment");
    }

    @Test
    void redisStoresTheJsonEncodingOfDataAndAnswersItOnGet() throws Exception {
        String key = "{\"key\":\"" + KEY + "\",\"ttlInSeconds\":\"60\"}";
        assertThat(invoke("cache", "{\"operation\":\"create\",\"data\":{\"n\":1},\"metadata\":" + key + "}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> got = invoke("cache", "{\"operation\":\"get\",\"metadata\":" + key + "}");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"n\":1}");
        assertThat(invoke("cache", "{\"operation\":\"delete\",\"metadata\":" + key + "}").statusCode()).isEqualTo(204);
    }
}
