package io.daprj.runtime.crypto;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** The AEAD cipher that seals the segments of a {@code dapr.io/enc/v1} document, with the manifest's {@code cph} ids. */
enum DataCipher {
    AES_GCM(1, "AES-GCM", "AES/GCM/NoPadding", "AES"),
    CHACHA20_POLY1305(2, "CHACHA20-POLY1305", "ChaCha20-Poly1305", "ChaCha20");

    private final int id;
    private final String daprName;
    private final String transformation;
    private final String keyAlgorithm;

    DataCipher(int id, String daprName, String transformation, String keyAlgorithm) {
        this.id = id;
        this.daprName = daprName;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    int id() {
        return id;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    Cipher newCipher() throws GeneralSecurityException {
        return Cipher.getInstance(transformation);
    }

    AlgorithmParameterSpec parameters(byte[] nonce) {
        return this == AES_GCM ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }

    /** The cipher a caller named ({@code aes-gcm}, {@code chacha20-poly1305}, case-insensitive), or empty. */
    static Optional<DataCipher> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.daprName.equals(upper)).findFirst();
    }

    static Optional<DataCipher> ofId(int id) {
        return Arrays.stream(values()).filter(c -> c.id == id).findFirst();
    }
}
