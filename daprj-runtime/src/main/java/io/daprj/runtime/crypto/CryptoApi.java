package io.daprj.runtime.crypto;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.spi.crypto.CryptoProvider;
import java.util.Optional;

/**
 * The cryptography building block (alpha), for both doors: streams in Dapr's encryption scheme v1
 * ({@code dapr.io/enc/v1}) whose file key is wrapped by a {@link CryptoProvider}, with daprd's checks and errors.
 * The subtle operations are in {@link SubtleCryptoApi}.
 */
public final class CryptoApi {

    private final ComponentStore components;

    public CryptoApi(ComponentStore components) {
        this.components = components;
    }

    /** The named provider, or daprd's error for none configured, an empty name or an unknown one. */
    public CryptoProvider provider(String name) {
        if (components.all(CryptoProvider.class).isEmpty()) {
            throw DaprError.ERR_CRYPTO_PROVIDERS_NOT_CONFIGURED.with("crypto providers not configured");
        }
        if (name.isEmpty()) {
            throw DaprError.ERR_BAD_REQUEST.with("missing component name");
        }
        return components.get(CryptoProvider.class, name)
                .orElseThrow(() -> DaprError.ERR_CRYPTO_PROVIDER_NOT_FOUND.with("crypto provider " + name + " not found"))
                .instance();
    }

    /**
     * Starts an encryption: picks a fresh file key, wraps it with the provider now (so a bad key fails before any
     * data is read) and signs the header, which the stream emits first.
     */
    public CryptoStream encrypt(EncryptOptions options) {
        CryptoProvider provider = provider(options.component());
        KeyWrapAlgorithm keyWrap = KeyWrapAlgorithm.named(options.keyWrapAlgorithm()).orElseThrow(() -> failure(
                "option Algorithm is not valid: algorithm " + options.keyWrapAlgorithm().toUpperCase(java.util.Locale.ROOT)
                        + " is not supported"));
        DataCipher cipher = DataCipher.AES_GCM;
        if (options.dataEncryptionCipher().filter(c -> !c.isEmpty()).isPresent()) {
            String name = options.dataEncryptionCipher().get();
            cipher = DataCipher.named(name).orElseThrow(() -> failure("option Cipher is not valid: cipher "
                    + name.toUpperCase(java.util.Locale.ROOT) + " is not supported"));
        }
        FileKey fileKey = FileKey.random(cipher);
        byte[] wrapped;
        try {
            wrapped = provider.wrapKey(fileKey.fileKey(), keyWrap.jwaName(), options.keyName(), new byte[0], new byte[0])
                    .ciphertext();
        } catch (RuntimeException e) {
            throw failure("failed to wrap the file key: " + e.getMessage());
        }
        String manifestKeyName = options.omitDecryptionKeyName() ? ""
                : options.decryptionKeyName().filter(k -> !k.isEmpty()).orElse(options.keyName());
        Manifest manifest = new Manifest(manifestKeyName, keyWrap, wrapped, cipher, fileKey.noncePrefix());
        return guarded(new StreamEncryptor(fileKey, fileKey.signedHeader(manifest.toJson())));
    }

    /**
     * Starts a decryption; the header is read from the first bytes written. {@code keyName}, when given, overrides
     * the key name in the manifest.
     */
    public CryptoStream decrypt(String component, Optional<String> keyName) {
        CryptoProvider provider = provider(component);
        return guarded(new StreamDecryptor(
                (wrapped, algorithm, name) -> provider.unwrapKey(wrapped, algorithm, name, new byte[0], new byte[0], new byte[0]),
                keyName));
    }

    /** daprd's {@code ERR_CRYPTO}: "failed to perform operation: …". */
    public static DaprException failure(String message) {
        return DaprError.ERR_CRYPTO.with("failed to perform operation: " + message);
    }

    /** Turns the scheme's failures into ERR_CRYPTO while the stream runs. */
    private static CryptoStream guarded(CryptoStream stream) {
        return new CryptoStream() {
            @Override
            public void write(byte[] data, int offset, int length, ChunkSink out) {
                try {
                    stream.write(data, offset, length, out);
                } catch (SchemeException e) {
                    throw failure(e.getMessage());
                }
            }

            @Override
            public void finish(ChunkSink out) {
                try {
                    stream.finish(out);
                } catch (SchemeException e) {
                    throw failure(e.getMessage());
                }
            }
        };
    }
}
