package io.daprj.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.Sidecar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PUT /v1.0-alpha1/crypto/{component}/encrypt|decrypt} with daprd's headers, errors and streaming. */
class CryptoHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static Sidecar sidecar;

    @BeforeAll
    static void start() throws Exception {
        sidecar = new CryptoSidecarFixture(dir).sidecar;
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    @Test
    void encryptThenDecryptRoundTripsWithRsaAndAesKeys() throws Exception {
        byte[] plaintext = "hello, encrypted world".getBytes(StandardCharsets.UTF_8);
        for (String[] key : new String[][] {{"rsakey", "RSA"}, {"symkey", "aes"}, {"rsakey", "RSA-OAEP-256"}, {"symkey", "A256KW"}}) {
            HttpResponse<byte[]> enc = put("mycrypto", "encrypt", plaintext, "dapr-key-name", key[0], "dapr-key-wrap-algorithm", key[1]);
            assertThat(enc.statusCode()).isEqualTo(200);
            assertThat(enc.headers().firstValue("content-type")).hasValue("application/octet-stream");
            String text = new String(enc.body(), StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("dapr.io/enc/v1\n{\"k\":\"" + key[0] + "\",\"kw\":" + (key[0].equals("rsakey") ? 5 : 1));
            HttpResponse<byte[]> dec = put("mycrypto", "decrypt", enc.body());
            assertThat(dec.statusCode()).isEqualTo(200);
            assertThat(dec.body()).isEqualTo(plaintext);
        }
    }

    @Test
    void severalMegabytesStreamThroughWithChaCha20() throws Exception {
        byte[] plaintext = random(5 * 1024 * 1024 + 123);
        HttpResponse<byte[]> enc = put("mycrypto", "encrypt", plaintext, "dapr-key-name", "symkey",
                "dapr-key-wrap-algorithm", "AES", "dapr-data-encryption-cipher", "chacha20-poly1305");
        assertThat(enc.statusCode()).isEqualTo(200);
        assertThat(new String(enc.body(), 0, 120, StandardCharsets.ISO_8859_1)).contains("\"cph\":2");
        assertThat(put("mycrypto", "decrypt", enc.body()).body()).isEqualTo(plaintext);
    }

    @Test
    void decryptionKeyNameOptionsShapeTheManifest() throws Exception {
        byte[] plaintext = random(1000);
        HttpResponse<byte[]> omitted = put("mycrypto", "encrypt", plaintext, "dapr-key-name", "symkey",
                "dapr-key-wrap-algorithm", "AES", "dapr-omit-decryption-key-name", "true", "dapr-decryption-key-name", "x");
        assertThat(new String(omitted.body(), StandardCharsets.ISO_8859_1)).startsWith("dapr.io/enc/v1\n{\"kw\":1,");
        HttpResponse<byte[]> noName = put("mycrypto", "decrypt", omitted.body());
        assertThat(noName.statusCode()).isEqualTo(500);
        assertThat(new String(noName.body(), StandardCharsets.UTF_8)).contains("\"errorCode\":\"ERR_CRYPTO\"")
                .contains("no key name was provided");
        assertThat(put("mycrypto", "decrypt", omitted.body(), "dapr-key-name", "symkey").body()).isEqualTo(plaintext);
        HttpResponse<byte[]> renamed = put("mycrypto", "encrypt", plaintext, "dapr-key-name", "symkey",
                "dapr-key-wrap-algorithm", "AES", "dapr-decryption-key-name", "otherkey");
        assertThat(new String(renamed.body(), StandardCharsets.ISO_8859_1)).startsWith("dapr.io/enc/v1\n{\"k\":\"otherkey\"");
    }

    @Test
    void aTamperedShortDocumentGetsDaprsError() throws Exception {
        byte[] enc = put("mycrypto", "encrypt", random(200_000), "dapr-key-name", "rsakey", "dapr-key-wrap-algorithm", "RSA").body();
        enc[enc.length - 70_000] ^= 1;
        HttpResponse<byte[]> dec = put("mycrypto", "decrypt", enc);
        assertThat(dec.statusCode()).isEqualTo(500);
        assertThat(new String(dec.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorCode\":\"ERR_CRYPTO\",\"message\":\"failed to perform operation: error processing segment 1: failed to decrypt segment\"}");
    }

    @Test
    void aTamperedSegmentLateInALongDocumentAbortsTheResponse() throws Exception {
        byte[] enc = put("mycrypto", "encrypt", random(3 * 1024 * 1024), "dapr-key-name", "symkey", "dapr-key-wrap-algorithm", "AES").body();
        enc[enc.length - 100] ^= 1;
        assertThatThrownBy(() -> put("mycrypto", "decrypt", enc)).isInstanceOf(IOException.class);
    }

    @Test
    void badRequestsGetDaprsErrors() throws Exception {
        assertError(put("mycrypto", "encrypt", new byte[1], "dapr-key-wrap-algorithm", "RSA"), 400, "ERR_BAD_REQUEST",
                "missing header 'dapr-key-name'");
        assertError(put("mycrypto", "encrypt", new byte[1], "dapr-key-name", "rsakey"), 400, "ERR_BAD_REQUEST",
                "missing header 'dapr-key-wrap-algorithm'");
        assertError(put("nocrypto", "encrypt", new byte[1], "dapr-key-name", "rsakey", "dapr-key-wrap-algorithm", "RSA"), 400,
                "ERR_CRYPTO_PROVIDER_NOT_FOUND", "crypto provider nocrypto not found");
        assertError(put("mycrypto", "encrypt", new byte[1], "dapr-key-name", "rsakey", "dapr-key-wrap-algorithm", "ROT13"), 500,
                "ERR_CRYPTO", "failed to perform operation: option Algorithm is not valid: algorithm ROT13 is not supported");
        assertError(put("mycrypto", "encrypt", new byte[1], "dapr-key-name", "nokey", "dapr-key-wrap-algorithm", "RSA"), 500,
                "ERR_CRYPTO", "failed to perform operation: failed to wrap the file key: key not found: nokey");
        assertError(put("mycrypto", "decrypt", "not a document\n".getBytes(StandardCharsets.UTF_8)), 500, "ERR_CRYPTO",
                "failed to perform operation: invalid header: unsupported scheme");
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorCode\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    private static HttpResponse<byte[]> put(String component, String operation, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return put(sidecar.httpPort(), component, operation, body, headers);
    }

    static HttpResponse<byte[]> put(int port, String component, String operation, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1.0-alpha1/crypto/" + component + "/" + operation)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(int port, String path, String json) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
