package io.daprj.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted state on the real Redis and PostgreSQL servers: the row holds ciphertext, the API returns clear text. */
class EncryptedStateOnServersTest {

    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @TempDir
    Path dir;

    private Sidecar start(String appId, String storeType, String storeMetadata) throws Exception {
        TestSidecars.write(dir, "keys.json", "{\"statekey\": \"" + KEY + "\"}");
        Path resources = TestSidecars.write(dir.resolve("r-" + appId), "c.yaml", """
                kind: Component
                metadata: {name: keys}
                spec:
                  type: secretstores.local.file
                  version: v1
                  metadata:
                  - {name: secretsFile, value: "%s"}
                ---
                kind: Component
                metadata: {name: secure}
                spec:
                  type: %s
                  version: v1
                  metadata:
                %s
                  - name: primaryEncryptionKey
                    secretKeyRef: {name: statekey}
                auth: {secretStore: keys}
                """.formatted(dir.resolve("keys.json"), storeType, storeMetadata));
        return Sidecar.start(TestSidecars.options(appId, resources, null));
    }

    private static void save(Sidecar s, String key, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + s.httpPort() + "/v1.0/state/secure"))
                .POST(HttpRequest.BodyPublishers.ofString("[{\"key\":\"" + key + "\",\"value\":" + json + "}]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }

    private static String read(Sidecar s, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + s.httpPort() + "/v1.0/state/secure/" + key)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void redisHoldsOnlyCiphertext() throws Exception {
        String appId = "enc-" + UUID.randomUUID();
        try (Sidecar s = start(appId, "state.redis", "  - {name: redisHost, value: \"127.0.0.1:6379\"}");
                var client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:6379");
                var connection = client.connect()) {
            save(s, "pin", "{\"pin\":\"9731\"}");
            assertThat(read(s, "pin")).isEqualTo("{\"pin\":\"9731\"}");
            String raw = connection.sync().hget(appId + "||pin", "data");
            assertThat(raw).isNotNull().doesNotContain("9731").endsWith("||statekey");
            connection.sync().del(appId + "||pin");
        }
    }

    @Test
    void postgresHoldsOnlyCiphertext() throws Exception {
        String table = "enc_" + UUID.randomUUID().toString().replace("-", "");
        String appId = "enc-pg";
        try (Sidecar s = start(appId, "state.postgresql", """
                  - {name: connectionString, value: "host=127.0.0.1 port=5432 user=postgres database=test"}
                  - {name: tableName, value: "%s"}
                """.formatted(table));
                Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")) {
            save(s, "pin", "{\"pin\":\"9731\"}");
            assertThat(read(s, "pin")).isEqualTo("{\"pin\":\"9731\"}");
            try (ResultSet rs = c.createStatement().executeQuery("select value::text from " + table + " where key = 'enc-pg||pin'")) {
                assertThat(rs.next()).isTrue();
                String stored = rs.getString(1);
                // the v1 layout keeps values base64-encoded in a JSON string: look inside as well
                String inside = new String(Base64.getDecoder().decode(stored.replace("\"", "")), StandardCharsets.UTF_8);
                assertThat(stored + inside).doesNotContain("9731");
                assertThat(inside).endsWith("||statekey");
            } finally {
                c.createStatement().execute("drop table if exists " + table);
            }
        }
    }
}
