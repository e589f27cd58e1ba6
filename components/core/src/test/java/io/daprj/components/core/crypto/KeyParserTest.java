package io.daprj.components.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.crypto.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Key files in the other forms Dapr reads: PKCS#1 and SEC1 PEM, keys without an embedded public part, raw bytes. */
class KeyParserTest {

    private final TestKeys keys = TestKeys.generate();

    @Test
    void ecPkcs8WithoutPublicPointGetsItsPublicKeyDerived() {
        CryptoKey key = KeyParser.parse(TestKeyFiles.pem("PRIVATE KEY", keys.p256().getPrivate().getEncoded())
                .getBytes(StandardCharsets.US_ASCII), "p256");
        assertThat(key.publicKey().orElseThrow().getEncoded()).isEqualTo(keys.p256().getPublic().getEncoded());
    }

    @Test
    void pkcs1RsaPrivateKeyIsRead() {
        byte[] pkcs1 = innerPrivateKey(keys.rsa().getPrivate().getEncoded());
        CryptoKey key = KeyParser.parse(TestKeyFiles.pem("RSA PRIVATE KEY", pkcs1).getBytes(StandardCharsets.US_ASCII), "k.pem");
        assertThat(key.privateKey()).isPresent();
        assertThat(key.publicKey().orElseThrow().getEncoded()).isEqualTo(keys.rsa().getPublic().getEncoded());
    }

    @Test
    void sec1EcPrivateKeyWithCurveParametersIsRead() {
        byte[] inner = innerPrivateKey(keys.p256().getPrivate().getEncoded());
        // the JDK leaves the curve out of the inner SEC1 structure; add it as [0] the way openssl writes it
        var parts = Der.read(inner).children();
        byte[] sec1 = Der.tlv(Der.SEQUENCE, Der.tlv(parts.get(0).tag(), parts.get(0).value()),
                Der.tlv(parts.get(1).tag(), parts.get(1).value()),
                Der.tlv(0xa0, Der.tlv(Der.OID, Der.hex("2a8648ce3d030107"))));
        CryptoKey key = KeyParser.parse(TestKeyFiles.pem("EC PRIVATE KEY", sec1).getBytes(StandardCharsets.US_ASCII), "ec");
        assertThat(key.publicKey().orElseThrow().getEncoded()).isEqualTo(keys.p256().getPublic().getEncoded());
    }

    @Test
    void firstPemBlockOfACombinedFileCounts() {
        String both = TestKeyFiles.pem("PRIVATE KEY", keys.rsa().getPrivate().getEncoded())
                + TestKeyFiles.pem("PUBLIC KEY", keys.rsa().getPublic().getEncoded());
        assertThat(KeyParser.parse(both.getBytes(StandardCharsets.US_ASCII), "testkey").privateKey()).isPresent();
    }

    @Test
    void symmetricKeysAreBase64Base64UrlOrRawBytes() {
        byte[] secret = keys.symmetric256();
        assertThat(KeyParser.parse(Base64.getEncoder().encode(secret), "k").secret().orElseThrow()).isEqualTo(secret);
        assertThat(KeyParser.parse(Base64.getUrlEncoder().withoutPadding().encode(secret), "k").secret().orElseThrow())
                .isEqualTo(secret);
        byte[] raw = "0123456789abcdef0123456789abcde!".getBytes(StandardCharsets.US_ASCII);
        assertThat(KeyParser.parse(raw, "k").secret().orElseThrow()).isEqualTo(raw);
    }

    @Test
    void jwkUseAndKeyOpsRestrictOperations() {
        CryptoKey sig = KeyParser.jwk("{\"kty\":\"oct\",\"k\":\"AAAA\",\"use\":\"sig\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(sig.canPerform("sign")).isTrue();
        assertThat(sig.canPerform("wrapKey")).isFalse();
        CryptoKey ops = KeyParser.jwk("{\"kty\":\"oct\",\"k\":\"AAAA\",\"key_ops\":[\"encrypt\"],\"alg\":\"A256GCM\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ops.canPerform("encrypt")).isTrue();
        assertThat(ops.canPerform("decrypt")).isFalse();
        assertThat(ops.allows("A256GCM")).isTrue();
        assertThat(ops.allows("A256KW")).isFalse();
    }

    @Test
    void garbageIsRefusedWithAMessage() {
        assertThatThrownBy(() -> KeyParser.parse("-----BEGIN NOTHING-----\n".getBytes(StandardCharsets.US_ASCII), "x.pem"))
                .hasMessageContaining("PEM");
        assertThatThrownBy(() -> KeyParser.parse("{\"kty\":\"XYZ\"}".getBytes(StandardCharsets.US_ASCII), "x.json"))
                .hasMessageContaining("XYZ");
    }

    /** The key inside a PKCS#8 structure (the OCTET STRING), i.e. the PKCS#1 or SEC1 encoding. */
    private static byte[] innerPrivateKey(byte[] pkcs8) {
        return Der.read(pkcs8).children().get(2).value();
    }
}
