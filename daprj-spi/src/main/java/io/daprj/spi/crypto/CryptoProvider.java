package io.daprj.spi.crypto;

import io.daprj.spi.Component;
import java.util.List;

/**
 * Low-level ("subtle") cryptography with keys held by the provider, after Dapr's components-contrib
 * {@code crypto.SubtleCrypto}. Keys are named as the provider names them ({@code name} or {@code name/version});
 * algorithms use JWA names ({@code A256KW}, {@code RSA-OAEP-256}, {@code PS256} …).
 *
 * <p>Contract: thread safe after init. Keys never leave the provider except public parts ({@link #getKey}).
 * Failure: {@link KeyNotFoundException} when no key has that name, {@link CryptoOperationException} for a bad
 * algorithm, a key that cannot perform the operation, or input the algorithm refuses (wrong nonce or tag length,
 * failed authentication). A signature that does not match is a normal {@code false} from {@link #verify}.
 */
public interface CryptoProvider extends Component {

    /**
     * The public part of an asymmetric key.
     *
     * @throws KeyNotFoundException when there is no such key, or it is symmetric (there is no public part to give)
     */
    PublicKeyInfo getKey(String keyName);

    /**
     * Encrypts a small message.
     *
     * @param nonce the IV or nonce (ignored by asymmetric algorithms); empty when the algorithm takes none
     * @param associatedData authenticated data for AEAD ciphers; may be empty
     */
    Sealed encrypt(byte[] plaintext, String algorithm, String keyName, byte[] nonce, byte[] associatedData);

    /** Decrypts a small message; {@code tag} is the authentication tag of AEAD ciphers, else ignored. */
    byte[] decrypt(byte[] ciphertext, String algorithm, String keyName, byte[] nonce, byte[] tag, byte[] associatedData);

    /** Wraps (encrypts) the raw bytes of a symmetric key with the key encryption key {@code keyName}. */
    Sealed wrapKey(byte[] plaintextKey, String algorithm, String keyName, byte[] nonce, byte[] associatedData);

    /** Unwraps a symmetric key wrapped by {@link #wrapKey}; returns its raw bytes. */
    byte[] unwrapKey(byte[] wrappedKey, String algorithm, String keyName, byte[] nonce, byte[] tag, byte[] associatedData);

    /** Signs a digest (for {@code EdDSA}, the message itself) with a private key. */
    byte[] sign(byte[] digest, String algorithm, String keyName);

    /** True when {@code signature} is a valid signature of {@code digest} by the key {@code keyName}. */
    boolean verify(byte[] digest, byte[] signature, String algorithm, String keyName);

    /** The encryption and key-wrap algorithms this provider implements. */
    List<String> supportedEncryptionAlgorithms();

    /** The signature algorithms this provider implements. */
    List<String> supportedSignatureAlgorithms();
}
