package io.daprj.components.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.daprj.conformance.crypto.TestKeys;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.crypto.KeyNotFoundException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code crypto.dapr.jwks} takes its keys from: a file (re-read when it changes), a URL (refreshed), base64. */
class JwksSourcesTest {

    private final TestKeys keys = TestKeys.generate();

    @TempDir
    Path dir;

    @Test
    void fileIsReadAgainWhenItChanges() throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, jwks(TestKeys.RSA_PUBLIC));
        JwksCryptoProvider provider = init(Map.of("jwks", file.toString()));
        assertThat(provider.getKey(TestKeys.RSA_PUBLIC).key()).isEqualTo(keys.rsa().getPublic());
        assertThatThrownBy(() -> provider.getKey(TestKeys.P256_PUBLIC)).isInstanceOf(KeyNotFoundException.class);
        Files.writeString(file, jwks(TestKeys.P256_PUBLIC));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(provider.getKey(TestKeys.P256_PUBLIC).key().getEncoded()).isEqualTo(keys.p256().getPublic().getEncoded());
    }

    @Test
    void urlIsFetchedAtInitAndRefreshed() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(jwks(TestKeys.RSA_PUBLIC));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
            JwksCryptoProvider provider = init(Map.of("jwks", url, "minRefreshInterval", "1s", "requestTimeout", "5s"));
            assertThat(provider.getKey(TestKeys.RSA_PUBLIC).key()).isEqualTo(keys.rsa().getPublic());
            served.set(jwks(TestKeys.P256_PUBLIC));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(provider.getKey(TestKeys.P256_PUBLIC).key().getEncoded())
                            .isEqualTo(keys.p256().getPublic().getEncoded()));
            provider.close();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void inlineJwksMayBeBase64Encoded() throws Exception {
        String encoded = Base64.getEncoder().encodeToString(jwks(TestKeys.SYMMETRIC_256).getBytes(StandardCharsets.UTF_8));
        JwksCryptoProvider provider = init(Map.of("jwks", encoded));
        byte[] key = new byte[32];
        byte[] wrapped = provider.wrapKey(key, "A256KW", TestKeys.SYMMETRIC_256, new byte[0], new byte[0]).ciphertext();
        assertThat(provider.unwrapKey(wrapped, "A256KW", TestKeys.SYMMETRIC_256, new byte[0], new byte[0], new byte[0]))
                .isEqualTo(key);
    }

    @Test
    void unreachableUrlFailsInit() {
        assertThatThrownBy(() -> init(Map.of("jwks", "http://127.0.0.1:1/jwks.json", "requestTimeout", "2s")))
                .isInstanceOf(Exception.class);
    }

    private String jwks(String name) {
        return "{\"keys\":[" + TestKeyFiles.jwks(keys).get(name) + "]}";
    }

    private static JwksCryptoProvider init(Map<String, String> metadata) throws Exception {
        JwksCryptoProvider provider = new JwksCryptoProvider();
        provider.init(ComponentMetadata.of("jwks", "crypto.dapr.jwks", metadata));
        return provider;
    }
}
