package io.daprj.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** primaryEncryptionKey/secondaryEncryptionKey: values are unreadable at rest and survive a key rotation. */
class EncryptedStateTest {

    private static final String KEY1 = "6e8bd0f3b1e2aa1c9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8";
    private static final String KEY2 = "00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private Sidecar start(String primary, String secondary) throws Exception {
        TestSidecars.write(dir, "keys.json", "{\"key1\": \"" + KEY1 + "\", \"key2\": \"" + KEY2 + "\"}");
        String secondaryEntry = secondary == null ? "" : """
                  - name: secondaryEncryptionKey
                    secretKeyRef: {name: %s}
                """.formatted(secondary);
        Path resources = TestSidecars.write(dir.resolve("r-" + primary), "c.yaml", """
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
                  type: state.sqlite
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                  - name: primaryEncryptionKey
                    secretKeyRef: {name: %s}
                %s
                auth: {secretStore: keys}
                """.formatted(dir.resolve("keys.json"), dir.resolve("state.db"), primary, secondaryEntry));
        return Sidecar.start(TestSidecars.options("enc", resources, null));
    }

    private static HttpResponse<String> call(Sidecar s, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String rawRow(String key) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
                ResultSet rs = c.createStatement().executeQuery("select value from state where key = 'enc||" + key + "'")) {
            assertThat(rs.next()).as("row for %s", key).isTrue();
            return new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void valuesAreEncryptedAtRestAndReadBackInClear() throws Exception {
        try (Sidecar s = start("key1", null)) {
            assertThat(call(s, "POST", "/v1.0/state/secure", "[{\"key\":\"card\",\"value\":{\"number\":\"4111-1111\"}}]")
                    .statusCode()).isEqualTo(204);
            assertThat(call(s, "GET", "/v1.0/state/secure/card", null).body()).isEqualTo("{\"number\":\"4111-1111\"}");
            String raw = rawRow("card");
            assertThat(raw).doesNotContain("4111").endsWith("||key1");
            assertThat(call(s, "POST", "/v1.0/state/secure/bulk", "{\"keys\":[\"card\"]}").body())
                    .contains("\"data\":{\"number\":\"4111-1111\"}");
        }
    }

    @Test
    void rotationReadsOldValuesWithTheSecondaryKeyAndWritesWithTheNewPrimary() throws Exception {
        try (Sidecar s = start("key1", null)) {
            call(s, "POST", "/v1.0/state/secure", "[{\"key\":\"old\",\"value\":\"before\"}]");
        }
        try (Sidecar s = start("key2", "key1")) {
            assertThat(call(s, "GET", "/v1.0/state/secure/old", null).body()).isEqualTo("\"before\"");
            call(s, "POST", "/v1.0/state/secure", "[{\"key\":\"new\",\"value\":\"after\"}]");
            assertThat(rawRow("new")).endsWith("||key2");
        }
        try (Sidecar s = start("key2", null)) {
            HttpResponse<String> r = call(s, "GET", "/v1.0/state/secure/old", null);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("ERR_STATE_GET").contains("key1");
        }
    }
}
