package io.daprj.conformance.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.crypto.CryptoProvider;
import io.daprj.spi.crypto.KeyNotFoundException;
import io.daprj.spi.crypto.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every crypto provider must do, after Dapr's crypto conformance: list its algorithms; give the public part
 * of public and private keys and refuse symmetric ones; encrypt and wrap keys with symmetric keys and with RSA
 * public keys (decrypting with the private key); sign with private keys and verify; refuse tampered input. A
 * subclass returns a new, initialised provider holding {@link TestKeys} under their names.
 */
public abstract class CryptoProviderConformance {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "Dapr conformance: a message whose length is not a multiple of 16"
            .getBytes(StandardCharsets.UTF_8);

    protected TestKeys keys;
    private CryptoProvider provider;

    /** A new provider, initialised, holding {@code keys} under the names {@link TestKeys} gives. */
    protected abstract CryptoProvider newProvider(TestKeys keys) throws Exception;

    @BeforeEach
    void open() throws Exception {
        keys = TestKeys.generate();
        provider = newProvider(keys);
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void supportedAlgorithmsIncludeWhatDaprUses() {
        assertThat(provider.supportedEncryptionAlgorithms()).contains("A256GCM", "A256KW", "A256CBC", "RSA-OAEP-256");
        assertThat(provider.supportedSignatureAlgorithms()).contains("PS256", "RS256", "ES256", "ES384", "ES512", "EdDSA");
    }

    @Test
    void getKeyReturnsPublicKeysAsStored() {
        assertThat(provider.getKey(TestKeys.RSA_PUBLIC).key().getEncoded()).isEqualTo(keys.rsa().getPublic().getEncoded());
        assertThat(provider.getKey(TestKeys.P256_PUBLIC).key().getEncoded()).isEqualTo(keys.p256().getPublic().getEncoded());
        assertThat(provider.getKey(TestKeys.ED25519_PUBLIC).key().getEncoded())
                .isEqualTo(keys.ed25519().getPublic().getEncoded());
    }

    @Test
    void getKeyReturnsThePublicPartOfPrivateKeys() {
        assertThat(provider.getKey(TestKeys.RSA_PRIVATE).key().getEncoded()).isEqualTo(keys.rsa().getPublic().getEncoded());
        assertThat(provider.getKey(TestKeys.P256_PRIVATE).key().getEncoded()).isEqualTo(keys.p256().getPublic().getEncoded());
        assertThat(provider.getKey(TestKeys.ED25519_PRIVATE).key().getEncoded())
                .isEqualTo(keys.ed25519().getPublic().getEncoded());
    }

    @Test
    void getKeyRefusesSymmetricAndUnknownKeys() {
        assertThatThrownBy(() -> provider.getKey(TestKeys.SYMMETRIC_256)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> provider.getKey("no-such-key")).isInstanceOf(KeyNotFoundException.class);
    }

    @ParameterizedTest
    @CsvSource({"A256GCM, 12", "A256CBC, 16", "C20P, 12"})
    void symmetricEncryptionRoundTrips(String algorithm, int nonceSize) {
        byte[] nonce = random(nonceSize);
        byte[] aad = algorithm.equals("A256CBC") ? new byte[0] : random(20);
        Sealed sealed = provider.encrypt(MESSAGE, algorithm, TestKeys.SYMMETRIC_256, nonce, aad);
        assertThat(sealed.ciphertext()).isNotEqualTo(MESSAGE);
        assertThat(provider.decrypt(sealed.ciphertext(), algorithm, TestKeys.SYMMETRIC_256, nonce, sealed.tag(), aad))
                .isEqualTo(MESSAGE);
    }

    @Test
    void authenticatedDecryptionRefusesATamperedCiphertextOrTag() {
        byte[] nonce = random(12);
        Sealed sealed = provider.encrypt(MESSAGE, "A256GCM", TestKeys.SYMMETRIC_256, nonce, new byte[0]);
        byte[] ciphertext = sealed.ciphertext().clone();
        ciphertext[3] ^= 1;
        assertThatThrownBy(() -> provider.decrypt(ciphertext, "A256GCM", TestKeys.SYMMETRIC_256, nonce, sealed.tag(),
                new byte[0])).isInstanceOf(RuntimeException.class);
        byte[] tag = sealed.tag().clone();
        tag[0] ^= 1;
        assertThatThrownBy(() -> provider.decrypt(sealed.ciphertext(), "A256GCM", TestKeys.SYMMETRIC_256, nonce, tag,
                new byte[0])).isInstanceOf(RuntimeException.class);
    }

    @Test
    void symmetricEncryptionRefusesAWrongNonceSize() {
        assertThatThrownBy(() -> provider.encrypt(MESSAGE, "A256GCM", TestKeys.SYMMETRIC_256, random(8), new byte[0]))
                .isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestKeys.RSA_PUBLIC, TestKeys.RSA_PRIVATE})
    void rsaEncryptionWithThePublicPartDecryptsWithThePrivateKey(String encryptionKey) {
        for (String algorithm : new String[] {"RSA-OAEP-256", "RSA-OAEP", "RSA1_5"}) {
            Sealed sealed = provider.encrypt(MESSAGE, algorithm, encryptionKey, new byte[0], new byte[0]);
            assertThat(provider.decrypt(sealed.ciphertext(), algorithm, TestKeys.RSA_PRIVATE, new byte[0], new byte[0],
                    new byte[0])).as(algorithm).isEqualTo(MESSAGE);
        }
    }

    @Test
    void aPublicKeyCannotDecrypt() {
        Sealed sealed = provider.encrypt(MESSAGE, "RSA-OAEP-256", TestKeys.RSA_PUBLIC, new byte[0], new byte[0]);
        assertThatThrownBy(() -> provider.decrypt(sealed.ciphertext(), "RSA-OAEP-256", TestKeys.RSA_PUBLIC, new byte[0],
                new byte[0], new byte[0])).isInstanceOf(RuntimeException.class);
    }

    @Test
    void symmetricKeyWrapRoundTrips() {
        byte[] key = random(32);
        Sealed wrapped = provider.wrapKey(key, "A256KW", TestKeys.SYMMETRIC_256, new byte[0], new byte[0]);
        assertThat(wrapped.ciphertext()).hasSize(40);
        assertThat(provider.unwrapKey(wrapped.ciphertext(), "A256KW", TestKeys.SYMMETRIC_256, new byte[0], new byte[0],
                new byte[0])).isEqualTo(key);
        byte[] tampered = wrapped.ciphertext().clone();
        tampered[5] ^= 1;
        assertThatThrownBy(() -> provider.unwrapKey(tampered, "A256KW", TestKeys.SYMMETRIC_256, new byte[0], new byte[0],
                new byte[0])).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestKeys.RSA_PUBLIC, TestKeys.RSA_PRIVATE})
    void rsaKeyWrapWithThePublicPartUnwrapsWithThePrivateKey(String wrappingKey) {
        byte[] key = random(32);
        Sealed wrapped = provider.wrapKey(key, "RSA-OAEP-256", wrappingKey, new byte[0], new byte[0]);
        assertThat(provider.unwrapKey(wrapped.ciphertext(), "RSA-OAEP-256", TestKeys.RSA_PRIVATE, new byte[0],
                new byte[0], new byte[0])).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({"PS256, rsa-private, rsa-public", "RS256, rsa-private, rsa-public", "PS512, rsa-private, rsa-public",
            "RS384, rsa-private, rsa-public", "ES256, p256-private, p256-public",
            "EdDSA, ed25519-private, ed25519-public"})
    void signaturesVerifyWithBothKeysAndFailForAnotherDigest(String algorithm, String privateKey, String publicKey) {
        byte[] digest = digest(algorithm, MESSAGE);
        byte[] signature = provider.sign(digest, algorithm, privateKey);
        assertThat(provider.verify(digest, signature, algorithm, publicKey)).isTrue();
        assertThat(provider.verify(digest, signature, algorithm, privateKey)).isTrue();
        byte[] other = digest(algorithm, "another message".getBytes(StandardCharsets.UTF_8));
        assertThat(provider.verify(other, signature, algorithm, publicKey)).isFalse();
    }

    @Test
    void signingNeedsAPrivateAsymmetricKey() {
        byte[] digest = digest("ES256", MESSAGE);
        assertThatThrownBy(() -> provider.sign(digest, "ES256", TestKeys.P256_PUBLIC)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> provider.sign(digest, "ES256", TestKeys.SYMMETRIC_256)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void unknownKeysAndAlgorithmsAreRefused() {
        assertThatThrownBy(() -> provider.wrapKey(random(32), "A256KW", "no-such-key", new byte[0], new byte[0]))
                .isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> provider.encrypt(MESSAGE, "ROT13", TestKeys.SYMMETRIC_256, new byte[0], new byte[0]))
                .isInstanceOf(RuntimeException.class);
    }

    /** The digest Dapr's callers pass for {@code algorithm}; for EdDSA, the message itself. */
    protected static byte[] digest(String algorithm, byte[] message) {
        if (algorithm.equals("EdDSA")) {
            return message;
        }
        String hash = switch (algorithm.substring(2)) {
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            return MessageDigest.getInstance(hash).digest(message);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
