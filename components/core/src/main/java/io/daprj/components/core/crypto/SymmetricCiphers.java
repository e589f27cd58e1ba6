package io.daprj.components.core.crypto;

import io.daprj.spi.crypto.CryptoOperationException;
import io.daprj.spi.crypto.Sealed;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Symmetric JWA algorithms on the JDK's ciphers: AES-GCM ({@code A*GCM}, 12-byte nonce, tag returned apart),
 * AES-CBC with PKCS#7 padding ({@code A*CBC}) or none ({@code A*CBC-NOPAD}), AES key wrap ({@code A*KW}, RFC 3394)
 * and ChaCha20-Poly1305 ({@code C20P}, {@code C20PKW}). The key's length must match the algorithm's.
 */
final class SymmetricCiphers {

    static final List<String> ALGORITHMS = List.of("A128CBC", "A192CBC", "A256CBC", "A128CBC-NOPAD", "A192CBC-NOPAD",
            "A256CBC-NOPAD", "A128GCM", "A192GCM", "A256GCM", "A128KW", "A192KW", "A256KW", "C20P", "C20PKW");

    private SymmetricCiphers() {}

    static boolean supports(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    static Sealed encrypt(String alg, byte[] key, byte[] plaintext, byte[] nonce, byte[] aad) {
        try {
            if (alg.endsWith("KW") && alg.startsWith("A")) {
                return Sealed.of(cipher("AES/KW/NoPadding", Cipher.ENCRYPT_MODE, aesKey(alg, key), null).doFinal(plaintext));
            }
            if (alg.contains("CBC")) {
                if (alg.endsWith("-NOPAD") && plaintext.length % 16 != 0) {
                    throw new CryptoOperationException("invalid plaintext length");
                }
                return Sealed.of(cbc(alg, Cipher.ENCRYPT_MODE, key, nonce).doFinal(plaintext));
            }
            Cipher aead = aead(alg, Cipher.ENCRYPT_MODE, key, nonce, aad);
            byte[] out = aead.doFinal(plaintext);
            return new Sealed(Arrays.copyOf(out, out.length - 16), Arrays.copyOfRange(out, out.length - 16, out.length));
        } catch (GeneralSecurityException e) {
            throw new CryptoOperationException("failed to encrypt: " + e.getMessage(), e);
        }
    }

    static byte[] decrypt(String alg, byte[] key, byte[] ciphertext, byte[] nonce, byte[] tag, byte[] aad) {
        try {
            if (alg.endsWith("KW") && alg.startsWith("A")) {
                return cipher("AES/KW/NoPadding", Cipher.DECRYPT_MODE, aesKey(alg, key), null).doFinal(ciphertext);
            }
            if (alg.contains("CBC")) {
                if (ciphertext.length % 16 != 0) {
                    throw new CryptoOperationException("invalid ciphertext length");
                }
                return cbc(alg, Cipher.DECRYPT_MODE, key, nonce).doFinal(ciphertext);
            }
            if (tag.length != 16) {
                throw new CryptoOperationException("invalid tag");
            }
            return aead(alg, Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(KeyParser.concat(ciphertext, tag));
        } catch (GeneralSecurityException e) {
            throw new CryptoOperationException("failed to decrypt: " + e.getMessage(), e);
        }
    }

    private static Cipher cbc(String alg, int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (iv.length != 16) {
            throw new CryptoOperationException("invalid nonce");
        }
        String padding = alg.endsWith("-NOPAD") ? "NoPadding" : "PKCS5Padding";
        return cipher("AES/CBC/" + padding, mode, aesKey(alg, key), new IvParameterSpec(iv));
    }

    private static Cipher aead(String alg, int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        if (nonce.length != 12) {
            throw new CryptoOperationException("invalid nonce");
        }
        Cipher cipher = alg.startsWith("C20P")
                ? cipher("ChaCha20-Poly1305", mode, chachaKey(key), new IvParameterSpec(nonce))
                : cipher("AES/GCM/NoPadding", mode, aesKey(alg, key), new GCMParameterSpec(128, nonce));
        if (aad.length > 0) {
            cipher.updateAAD(aad);
        }
        return cipher;
    }

    private static Cipher cipher(String transformation, int mode, SecretKeySpec key,
            java.security.spec.AlgorithmParameterSpec params) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(mode, key, params);
        return cipher;
    }

    private static SecretKeySpec aesKey(String alg, byte[] key) {
        int expected = switch (alg.substring(1, 4)) {
            case "128" -> 16;
            case "192" -> 24;
            default -> 32;
        };
        if (key.length != expected) {
            throw new CryptoOperationException("key type mismatch");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static SecretKeySpec chachaKey(byte[] key) {
        if (key.length != 32) {
            throw new CryptoOperationException("key type mismatch");
        }
        return new SecretKeySpec(key, "ChaCha20");
    }
}
