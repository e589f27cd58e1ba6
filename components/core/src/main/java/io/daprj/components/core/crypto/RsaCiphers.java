package io.daprj.components.core.crypto;

import io.daprj.spi.crypto.CryptoOperationException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA encryption: {@code RSA1_5} and OAEP with SHA-1, -256, -384 or -512 (the same hash for MGF1, and the associated
 * data as OAEP label, as Go's {@code rsa.EncryptOAEP} does). Encrypt with the public key, decrypt with the private.
 */
final class RsaCiphers {

    static final List<String> ALGORITHMS = List.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512");

    private RsaCiphers() {}

    static boolean supports(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    static byte[] encrypt(String alg, Key publicKey, byte[] plaintext, byte[] label) {
        return run(alg, Cipher.ENCRYPT_MODE, publicKey, plaintext, label);
    }

    static byte[] decrypt(String alg, Key privateKey, byte[] ciphertext, byte[] label) {
        return run(alg, Cipher.DECRYPT_MODE, privateKey, ciphertext, label);
    }

    private static byte[] run(String alg, int mode, Key key, byte[] input, byte[] label) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new CryptoOperationException("key type mismatch");
        }
        try {
            Cipher cipher;
            if (alg.equals("RSA1_5")) {
                cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                cipher.init(mode, key);
            } else {
                String hash = switch (alg) {
                    case "RSA-OAEP" -> "SHA-1";
                    case "RSA-OAEP-384" -> "SHA-384";
                    case "RSA-OAEP-512" -> "SHA-512";
                    default -> "SHA-256";
                };
                cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                cipher.init(mode, key, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                        label.length == 0 ? PSource.PSpecified.DEFAULT : new PSource.PSpecified(label)));
            }
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new CryptoOperationException((mode == Cipher.ENCRYPT_MODE ? "failed to encrypt: " : "failed to decrypt: ")
                    + e.getMessage(), e);
        }
    }
}
