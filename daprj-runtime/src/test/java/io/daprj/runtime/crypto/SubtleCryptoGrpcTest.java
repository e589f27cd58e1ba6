package io.daprj.runtime.crypto;

import static io.daprj.runtime.crypto.CryptoGrpcTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprCryptoProtos.SubtleDecryptRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleEncryptRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleEncryptResponse;
import io.dapr.v1.DaprCryptoProtos.SubtleGetKeyRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleGetKeyResponse;
import io.dapr.v1.DaprCryptoProtos.SubtleSignRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleUnwrapKeyRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleVerifyRequest;
import io.dapr.v1.DaprCryptoProtos.SubtleWrapKeyRequest;
import io.dapr.v1.DaprGrpc;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subtle crypto API over gRPC (and once over HTTP): one provider call per request, daprd's errors. */
class SubtleCryptoGrpcTest {

    @TempDir
    static Path dir;

    static CryptoSidecarFixture fixture;
    static DaprGrpc.DaprBlockingStub grpc;

    @BeforeAll
    static void start() throws Exception {
        fixture = new CryptoSidecarFixture(dir);
        grpc = GrpcClients.newClient("http://127.0.0.1:" + fixture.sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        fixture.sidecar.close();
    }

    @Test
    void getKeyGivesThePublicPartAsPemOrJwk() {
        SubtleGetKeyResponse pem = grpc.subtleGetKeyAlpha1(SubtleGetKeyRequest.newBuilder().setComponentName("mycrypto")
                .setName("rsakey").setFormat(SubtleGetKeyRequest.KeyFormat.PEM).build());
        assertThat(pem.getName()).isEqualTo("rsakey");
        String body = pem.getPublicKey().replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        assertThat(Base64.getMimeDecoder().decode(body)).isEqualTo(fixture.rsa.getPublic().getEncoded());
        SubtleGetKeyResponse jwk = grpc.subtleGetKeyAlpha1(SubtleGetKeyRequest.newBuilder().setComponentName("mycrypto")
                .setName("rsakey").setFormat(SubtleGetKeyRequest.KeyFormat.JSON).build());
        assertThat(jwk.getPublicKey()).startsWith("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"").doesNotContain("\"d\"");
        assertStatus(() -> grpc.subtleGetKeyAlpha1(SubtleGetKeyRequest.newBuilder().setComponentName("mycrypto")
                .setName("symkey").build()), Status.Code.INTERNAL, "failed to retrieve key symkey: key not found: symkey");
    }

    @Test
    void encryptDecryptWrapAndUnwrap() {
        ByteString nonce = ByteString.copyFrom(new byte[12]);
        SubtleEncryptResponse sealed = grpc.subtleEncryptAlpha1(SubtleEncryptRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("symkey").setAlgorithm("A256GCM").setNonce(nonce).setPlaintext(ByteString.copyFromUtf8("secret")).build());
        assertThat(sealed.getTag().size()).isEqualTo(16);
        assertThat(grpc.subtleDecryptAlpha1(SubtleDecryptRequest.newBuilder().setComponentName("mycrypto").setKeyName("symkey")
                .setAlgorithm("A256GCM").setNonce(nonce).setCiphertext(sealed.getCiphertext()).setTag(sealed.getTag()).build())
                .getPlaintext().toStringUtf8()).isEqualTo("secret");
        ByteString key = ByteString.copyFrom(new byte[32]);
        ByteString wrapped = grpc.subtleWrapKeyAlpha1(SubtleWrapKeyRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("rsakey").setAlgorithm("RSA-OAEP-256").setPlaintextKey(key).build()).getWrappedKey();
        assertThat(grpc.subtleUnwrapKeyAlpha1(SubtleUnwrapKeyRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("rsakey").setAlgorithm("RSA-OAEP-256").setWrappedKey(wrapped).build()).getPlaintextKey()).isEqualTo(key);
        assertStatus(() -> grpc.subtleDecryptAlpha1(SubtleDecryptRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("symkey").setAlgorithm("A256GCM").setNonce(nonce).setCiphertext(sealed.getCiphertext())
                .setTag(ByteString.copyFrom(new byte[16])).build()), Status.Code.INTERNAL, null);
    }

    @Test
    void theHttpDoorTakesAndGivesProtojson() throws Exception {
        var response = CryptoHttpTest.post(fixture.sidecar.httpPort(), "/v1.0-alpha1/subtlecrypto/mycrypto/wrapkey",
                "{\"plaintextKey\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\",\"algorithm\":\"A256KW\",\"keyName\":\"symkey\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        String wrapped = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("wrappedKey").asText();
        assertThat(Base64.getDecoder().decode(wrapped)).hasSize(40);
        var unwrapped = CryptoHttpTest.post(fixture.sidecar.httpPort(), "/v1.0-alpha1/subtlecrypto/mycrypto/unwrapkey",
                "{\"wrappedKey\":\"" + wrapped + "\",\"algorithm\":\"A256KW\",\"keyName\":\"symkey\"}");
        assertThat(new String(unwrapped.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"plaintextKey\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
        var missing = CryptoHttpTest.post(fixture.sidecar.httpPort(), "/v1.0-alpha1/subtlecrypto/nocrypto/getkey", "{\"name\":\"k\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("ERR_CRYPTO_PROVIDER_NOT_FOUND");
    }

    @Test
    void signAndVerify() throws Exception {
        ByteString digest = ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest("doc".getBytes(StandardCharsets.UTF_8)));
        ByteString signature = grpc.subtleSignAlpha1(SubtleSignRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("rsakey").setAlgorithm("PS256").setDigest(digest).build()).getSignature();
        SubtleVerifyRequest.Builder verify = SubtleVerifyRequest.newBuilder().setComponentName("mycrypto")
                .setKeyName("rsakey").setAlgorithm("PS256").setDigest(digest).setSignature(signature);
        assertThat(grpc.subtleVerifyAlpha1(verify.build()).getValid()).isTrue();
        assertThat(grpc.subtleVerifyAlpha1(verify.setDigest(ByteString.copyFrom(new byte[32])).build()).getValid()).isFalse();
    }
}
