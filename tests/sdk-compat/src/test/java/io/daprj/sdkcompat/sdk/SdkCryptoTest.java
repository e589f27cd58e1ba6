package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dapr.client.DaprPreviewClient;
import io.dapr.client.domain.DecryptRequestAlpha1;
import io.dapr.client.domain.EncryptRequestAlpha1;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * {@code DaprPreviewClient.encrypt} / {@code decrypt} (gRPC EncryptAlpha1 / DecryptAlpha1 bidi streams) through the
 * packaged sidecar with {@code crypto.dapr.localstorage}: an RSA key file holding private and public PEM blocks (as
 * the SDK's own integration test writes it) and a base64 AES key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkCryptoTest {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final String COMPONENT = "localstoragecrypto";

    private DaprdProcess daprd;
    private DaprPreviewClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        Path keys = Files.createDirectories(workDir.resolve("keys"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        Files.writeString(keys.resolve("rsakey"), pem("PRIVATE KEY", rsa.getPrivate().getEncoded())
                + pem("PUBLIC KEY", rsa.getPublic().getEncoded()));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(keys.resolve("aeskey"), Base64.getEncoder().encodeToString(secret));
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("crypto.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: crypto.dapr.localstorage
                  version: v1
                  metadata:
                  - name: path
                    value: "%s"
                """.formatted(COMPONENT, keys));
        daprd = DaprdProcess.builder("sdk-crypto").daprjHome(workDir.resolve("home")).resourcesPath(resources).start();
        client = daprd.newPreviewClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
    }

    @Test
    void aShortMessageRoundTripsWithAnRsaKey() {
        byte[] plaintext = "Hello, World! This is a test message.".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = join(client.encrypt(new EncryptRequestAlpha1(COMPONENT, Flux.just(plaintext), "rsakey", "RSA-OAEP-256")));
        assertThat(new String(ciphertext, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("dapr.io/enc/v1\n");
        assertThat(join(client.decrypt(new DecryptRequestAlpha1(COMPONENT, Flux.just(ciphertext))))).isEqualTo(plaintext);
    }

    @Test
    void severalMegabytesStreamInChunksBothWays() {
        byte[] plaintext = new byte[12 * 1024 * 1024 + 321];
        new Random(42).nextBytes(plaintext);
        byte[] ciphertext = join(client.encrypt(new EncryptRequestAlpha1(COMPONENT, chunks(plaintext, 64 * 1024), "aeskey", "AES")
                .setDataEncryptionCipher("chacha20-poly1305")));
        assertThat(ciphertext.length).isGreaterThan(plaintext.length);
        assertThat(join(client.decrypt(new DecryptRequestAlpha1(COMPONENT, chunks(ciphertext, 100_000))))).isEqualTo(plaintext);
    }

    @Test
    void aDocumentWithoutKeyNameDecryptsWhenTheCallerNamesTheKey() {
        byte[] plaintext = "no name inside".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = join(client.encrypt(new EncryptRequestAlpha1(COMPONENT, Flux.just(plaintext), "rsakey", "RSA")
                .setOmitDecryptionKeyName(true)));
        assertThatThrownBy(() -> join(client.decrypt(new DecryptRequestAlpha1(COMPONENT, Flux.just(ciphertext)))))
                .hasMessageContaining("no key name was provided");
        assertThat(join(client.decrypt(new DecryptRequestAlpha1(COMPONENT, Flux.just(ciphertext)).setKeyName("rsakey"))))
                .isEqualTo(plaintext);
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        byte[] plaintext = new byte[200_000];
        new Random(7).nextBytes(plaintext);
        byte[] ciphertext = join(client.encrypt(new EncryptRequestAlpha1(COMPONENT, Flux.just(plaintext), "rsakey", "RSA-OAEP-256")));
        ciphertext[ciphertext.length - 1000] ^= 1;
        assertThatThrownBy(() -> join(client.decrypt(new DecryptRequestAlpha1(COMPONENT, Flux.just(ciphertext)))))
                .isInstanceOf(io.dapr.exceptions.DaprException.class)
                .hasMessageContaining("failed to decrypt segment");
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> join(client.encrypt(new EncryptRequestAlpha1(COMPONENT, Flux.just(new byte[10]), "nokey", "RSA"))))
                .isInstanceOf(io.dapr.exceptions.DaprException.class)
                .hasMessageContaining("failed to wrap the file key");
    }

    private static Flux<byte[]> chunks(byte[] data, int size) {
        List<byte[]> parts = new ArrayList<>();
        for (int pos = 0; pos < data.length; pos += size) {
            parts.add(Arrays.copyOfRange(data, pos, Math.min(data.length, pos + size)));
        }
        return Flux.fromIterable(parts);
    }

    private static byte[] join(Flux<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.doOnNext(out::writeBytes).blockLast(CALL);
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
