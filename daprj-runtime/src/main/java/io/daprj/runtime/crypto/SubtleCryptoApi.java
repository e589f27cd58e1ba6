package io.daprj.runtime.crypto;

import io.daprj.runtime.errors.DaprError;
import io.daprj.spi.crypto.CryptoProvider;
import io.daprj.spi.crypto.PublicKeyInfo;
import io.daprj.spi.crypto.Sealed;
import java.util.function.Function;

/**
 * The subtle crypto API (alpha): one provider call per request, with daprd's errors ({@code ERR_CRYPTO_KEY} for
 * {@code getKey}, {@code ERR_CRYPTO} for the rest). daprd serves these only when built with its
 * {@code subtlecrypto} tag; daprj always serves them.
 */
public final class SubtleCryptoApi {

    /** The formats {@code getKey} answers in. */
    public enum KeyFormat { PEM, JSON }

    /** A public key as {@code getKey} answers it: the key's id (or the requested name) and its text. */
    public record PublicKeyText(String name, String publicKey) {}

    private final CryptoApi crypto;

    public SubtleCryptoApi(CryptoApi crypto) {
        this.crypto = crypto;
    }

    public PublicKeyText getKey(String component, String name, KeyFormat format) {
        CryptoProvider provider = crypto.provider(component);
        PublicKeyInfo info;
        try {
            info = provider.getKey(name);
        } catch (RuntimeException e) {
            throw DaprError.ERR_CRYPTO_KEY.with("failed to retrieve key " + name + ": " + e.getMessage());
        }
        String text = format == KeyFormat.PEM ? PublicKeyFormats.pem(info.key()) : PublicKeyFormats.jwk(info);
        return new PublicKeyText(info.keyId().orElse(name), text);
    }

    public Sealed encrypt(String component, byte[] plaintext, String algorithm, String keyName, byte[] nonce, byte[] aad) {
        return call(component, p -> p.encrypt(plaintext, algorithm, keyName, nonce, aad));
    }

    public byte[] decrypt(String component, byte[] ciphertext, String algorithm, String keyName, byte[] nonce, byte[] tag,
            byte[] aad) {
        return call(component, p -> p.decrypt(ciphertext, algorithm, keyName, nonce, tag, aad));
    }

    public Sealed wrapKey(String component, byte[] key, String algorithm, String keyName, byte[] nonce, byte[] aad) {
        return call(component, p -> p.wrapKey(key, algorithm, keyName, nonce, aad));
    }

    public byte[] unwrapKey(String component, byte[] wrapped, String algorithm, String keyName, byte[] nonce, byte[] tag,
            byte[] aad) {
        return call(component, p -> p.unwrapKey(wrapped, algorithm, keyName, nonce, tag, aad));
    }

    public byte[] sign(String component, byte[] digest, String algorithm, String keyName) {
        return call(component, p -> p.sign(digest, algorithm, keyName));
    }

    public boolean verify(String component, byte[] digest, byte[] signature, String algorithm, String keyName) {
        return call(component, p -> p.verify(digest, signature, algorithm, keyName));
    }

    private <T> T call(String component, Function<CryptoProvider, T> operation) {
        CryptoProvider provider = crypto.provider(component);
        try {
            return operation.apply(provider);
        } catch (RuntimeException e) {
            throw CryptoApi.failure(e.getMessage());
        }
    }
}
