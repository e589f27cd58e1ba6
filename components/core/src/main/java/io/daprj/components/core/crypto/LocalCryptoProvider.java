package io.daprj.components.core.crypto;

import io.daprj.spi.crypto.CryptoOperationException;
import io.daprj.spi.crypto.CryptoProvider;
import io.daprj.spi.crypto.KeyNotFoundException;
import io.daprj.spi.crypto.PublicKeyInfo;
import io.daprj.spi.crypto.Sealed;
import java.security.Key;
import java.security.PrivateKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * The operations of a provider that holds its keys in the sidecar and runs the algorithms on the JDK, after
 * components-contrib's {@code LocalCryptoBaseComponent}: a subclass only finds keys by name. Each operation checks
 * that the key may do it ({@code use}, {@code key_ops}) with that algorithm ({@code alg}).
 */
abstract class LocalCryptoProvider implements CryptoProvider {

    private static final List<String> ENCRYPTION = Stream.concat(SymmetricCiphers.ALGORITHMS.stream(),
            RsaCiphers.ALGORITHMS.stream()).toList();

    /** The key named {@code keyName}; throws {@link KeyNotFoundException} when there is none. */
    protected abstract CryptoKey retrieveKey(String keyName);

    @Override
    public PublicKeyInfo getKey(String keyName) {
        CryptoKey key = retrieveKey(keyName);
        if (key.isSymmetric() || key.publicKey().isEmpty()) {
            throw new KeyNotFoundException(keyName);
        }
        return new PublicKeyInfo(key.keyId(), key.publicKey().get(), key.algorithm());
    }

    @Override
    public Sealed encrypt(byte[] plaintext, String algorithm, String keyName, byte[] nonce, byte[] associatedData) {
        return seal(plaintext, algorithm, permitted(keyName, "encrypt", algorithm), nonce, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, String algorithm, String keyName, byte[] nonce, byte[] tag, byte[] aad) {
        return open(ciphertext, algorithm, permitted(keyName, "decrypt", algorithm), nonce, tag, aad);
    }

    @Override
    public Sealed wrapKey(byte[] plaintextKey, String algorithm, String keyName, byte[] nonce, byte[] associatedData) {
        return seal(plaintextKey, algorithm, permitted(keyName, "wrapKey", algorithm), nonce, associatedData);
    }

    @Override
    public byte[] unwrapKey(byte[] wrappedKey, String algorithm, String keyName, byte[] nonce, byte[] tag, byte[] aad) {
        return open(wrappedKey, algorithm, permitted(keyName, "unwrapKey", algorithm), nonce, tag, aad);
    }

    @Override
    public byte[] sign(byte[] digest, String algorithm, String keyName) {
        CryptoKey key = permitted(keyName, "sign", algorithm);
        requireSignature(algorithm);
        PrivateKey priv = key.privateKey().orElseThrow(() -> new CryptoOperationException("key type mismatch"));
        return Signatures.sign(algorithm, priv, digest);
    }

    @Override
    public boolean verify(byte[] digest, byte[] signature, String algorithm, String keyName) {
        CryptoKey key = permitted(keyName, "verify", algorithm);
        requireSignature(algorithm);
        return Signatures.verify(algorithm, key.publicKey().orElseThrow(() -> new CryptoOperationException("key type mismatch")),
                digest, signature);
    }

    @Override
    public List<String> supportedEncryptionAlgorithms() {
        return ENCRYPTION;
    }

    @Override
    public List<String> supportedSignatureAlgorithms() {
        return Signatures.ALGORITHMS;
    }

    private CryptoKey permitted(String keyName, String operation, String algorithm) {
        CryptoKey key = retrieveKey(keyName);
        if (!key.canPerform(operation)) {
            throw new CryptoOperationException("key cannot perform the '" + operation + "' operation");
        }
        if (!key.allows(algorithm)) {
            throw new CryptoOperationException("key cannot be used with algorithm '" + algorithm + "'");
        }
        return key;
    }

    private static Sealed seal(byte[] input, String algorithm, CryptoKey key, byte[] nonce, byte[] aad) {
        if (SymmetricCiphers.supports(algorithm)) {
            return SymmetricCiphers.encrypt(algorithm, secret(key), input, nonce, aad);
        }
        if (RsaCiphers.supports(algorithm)) {
            Key pub = key.publicKey().orElseThrow(() -> new CryptoOperationException("key type mismatch"));
            return Sealed.of(RsaCiphers.encrypt(algorithm, pub, input, aad));
        }
        throw new CryptoOperationException("unsupported algorithm");
    }

    private static byte[] open(byte[] input, String algorithm, CryptoKey key, byte[] nonce, byte[] tag, byte[] aad) {
        if (SymmetricCiphers.supports(algorithm)) {
            return SymmetricCiphers.decrypt(algorithm, secret(key), input, nonce, tag, aad);
        }
        if (RsaCiphers.supports(algorithm)) {
            Key priv = key.privateKey().orElseThrow(() -> new CryptoOperationException("key type mismatch"));
            return RsaCiphers.decrypt(algorithm, priv, input, aad);
        }
        throw new CryptoOperationException("unsupported algorithm");
    }

    private static byte[] secret(CryptoKey key) {
        return key.secret().orElseThrow(() -> new CryptoOperationException("key type mismatch"));
    }

    private static void requireSignature(String algorithm) {
        if (!Signatures.supports(algorithm)) {
            throw new CryptoOperationException("unsupported algorithm");
        }
    }
}
