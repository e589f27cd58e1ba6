package io.daprj.sdkcompat.sdk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.client.DaprClient;
import io.dapr.exceptions.DaprException;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PostgresDatabase;
import io.daprj.sdkcompat.harness.RedisServer;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DaprClient.invokeBinding} (gRPC InvokeBinding) through the packaged sidecar on {@code bindings.redis}
 * (the Redis server of this machine, keys of this run), {@code bindings.postgresql} (a table of this run) and
 * {@code bindings.localstorage}; failures reach the SDK as gRPC INTERNAL with daprd's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkOutputBindingsTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: cache}
            spec:
              type: bindings.redis
              version: v1
              metadata: [{name: redisHost, value: "%s"}]
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: sql}
            spec:
              type: bindings.postgresql
              version: v1
              metadata: [{name: connectionString, value: "%s"}]
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: files}
            spec:
              type: bindings.localstorage
              version: v1
              metadata: [{name: rootPath, value: "%s"}]
            """;

    private final String keyPrefix = "sdk-binding-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final String table = PostgresDatabase.uniqueTableName("sdk_binding");
    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("bindings.yaml"), COMPONENTS.formatted(RedisServer.HOST,
                PostgresDatabase.CONNECTION_STRING, workDir.resolve("files")));
        daprd = DaprdProcess.builder("sdk-bindings").daprjHome(workDir.resolve("home")).resourcesPath(resources).start();
        client = daprd.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
        RedisServer.deleteKeysStartingWith(keyPrefix);
        PostgresDatabase.dropTables(table);
    }

    private byte[] invoke(String binding, String operation, byte[] data, Map<String, String> metadata) {
        return client.invokeBinding(binding, operation, data, metadata).block(CALL);
    }

    @Test
    void redisCreateThenGetAnswersTheBytesTheSdkSent() {
        String key = keyPrefix + "order";
        invoke("cache", "create", "{\"id\":42}".getBytes(UTF_8), Map.of("key", key, "ttlInSeconds", "120"));
        assertThat(invoke("cache", "get", new byte[0], Map.of("key", key))).asString(UTF_8).isEqualTo("{\"id\":42}");
        invoke("cache", "increment", new byte[0], Map.of("key", key + "-n"));
        invoke("cache", "increment", new byte[0], Map.of("key", key + "-n"));
        assertThat(invoke("cache", "get", new byte[0], Map.of("key", key + "-n"))).asString(UTF_8).isEqualTo("2");
        invoke("cache", "delete", new byte[0], Map.of("key", key));
        assertThat(invoke("cache", "get", new byte[0], Map.of("key", key))).isNullOrEmpty();
    }

    @Test
    void postgresExecAndQueryWithParams() throws Exception {
        invoke("sql", "exec", new byte[0], Map.of("sql", "CREATE TABLE " + table + " (id int PRIMARY KEY, name text)"));
        invoke("sql", "exec", new byte[0], Map.of("sql", "INSERT INTO " + table + " VALUES ($1, $2), ($3, $4)",
                "params", "[1, \"one\", 2, \"two\"]"));
        byte[] rows = invoke("sql", "query", new byte[0], Map.of("sql", "SELECT id, name FROM " + table
                + " WHERE id >= $1 ORDER BY id", "params", "[1]"));
        assertThat(JSON.readValue(rows, List.class)).isEqualTo(List.of(List.of(1, "one"), List.of(2, "two")));
    }

    @Test
    void badSqlReachesTheSdkAsInternalWithTheDatabasesMessage() {
        DaprException e = DaprExceptions.assertGrpcCode(
                () -> invoke("sql", "query", new byte[0], Map.of("sql", "SELEC 1")), "INTERNAL");
        assertThat(e.getMessage()).contains("error invoking output binding sql: error executing query: ERROR: syntax"
                + " error at or near \"SELEC\" (SQLSTATE 42601)");
    }

    @Test
    void anUnsupportedOperationNamesTheSupportedOnes() {
        DaprException e = DaprExceptions.assertGrpcCode(
                () -> invoke("sql", "create", new byte[0], Map.of("sql", "SELECT 1")), "INTERNAL");
        assertThat(e.getMessage()).contains("supported operations:exec query close");
    }

    @Test
    void localStorageWritesAndReadsAFile() {
        byte[] created = invoke("files", "create", "hello".getBytes(UTF_8), Map.of("fileName", "greeting.txt"));
        assertThat(created).asString(UTF_8).isEqualTo("{\"fileName\":\"greeting.txt\"}");
        assertThat(invoke("files", "get", new byte[0], Map.of("fileName", "greeting.txt"))).asString(UTF_8)
                .isEqualTo("hello");
    }

    @Test
    void anObjectIsSentAsTheSdksJson() {
        String key = keyPrefix + "object";
        client.invokeBinding("cache", "create", Map.of("n", 1), Map.of("key", key), Void.class).block(CALL);
        assertThat(invoke("cache", "get", new byte[0], Map.of("key", key))).asString(UTF_8).isEqualTo("{\"n\":1}");
    }
}
