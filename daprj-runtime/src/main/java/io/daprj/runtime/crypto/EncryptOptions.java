package io.daprj.runtime.crypto;

import java.util.Optional;

/**
 * What a caller asked to encrypt with, as the HTTP headers and the gRPC options message carry it.
 *
 * @param component the crypto provider's name
 * @param keyName the key encryption key
 * @param keyWrapAlgorithm {@code A256KW}, {@code RSA-OAEP-256} …, or the aliases {@code AES} / {@code RSA}
 * @param dataEncryptionCipher {@code aes-gcm} (default) or {@code chacha20-poly1305}
 * @param omitDecryptionKeyName leave the key name out of the manifest
 * @param decryptionKeyName the key name to put in the manifest instead of {@code keyName}
 */
public record EncryptOptions(String component, String keyName, String keyWrapAlgorithm,
        Optional<String> dataEncryptionCipher, boolean omitDecryptionKeyName, Optional<String> decryptionKeyName) {}
