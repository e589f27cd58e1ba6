package io.daprj.components.core.crypto;

import io.daprj.spi.crypto.CryptoOperationException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;

/**
 * Signatures over a digest the caller computed, as Dapr's subtle API takes them: {@code RS*} (PKCS#1 v1.5, the
 * DigestInfo added here), {@code PS*} ({@link RsaPss}), {@code ES*} (ECDSA, ASN.1 DER signatures) and
 * {@code EdDSA} (Ed25519 over the message itself).
 */
final class Signatures {

    static final List<String> ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA");

    private Signatures() {}

    static boolean supports(String algorithm) {
        return ALGORITHMS.contains(algorithm);
    }

    static byte[] sign(String alg, PrivateKey key, byte[] digest) {
        try {
            return switch (alg.substring(0, 2)) {
                case "RS" -> {
                    requireKey(key.getAlgorithm(), "RSA");
                    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    rsa.init(Cipher.ENCRYPT_MODE, key);
                    yield rsa.doFinal(KeyParser.concat(digestInfo(alg, digest), digest));
                }
                case "PS" -> {
                    requireKey(key.getAlgorithm(), "RSA");
                    yield RsaPss.sign(hash(alg), key, digest);
                }
                case "ES" -> {
                    requireKey(key.getAlgorithm(), "EC");
                    Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                    ecdsa.initSign(key);
                    ecdsa.update(digest);
                    yield ecdsa.sign();
                }
                default -> {
                    requireEd25519(key.getAlgorithm());
                    Signature ed = Signature.getInstance("Ed25519");
                    ed.initSign(key);
                    ed.update(digest);
                    yield ed.sign();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new CryptoOperationException("failed to sign message: " + e.getMessage(), e);
        }
    }

    static boolean verify(String alg, PublicKey key, byte[] digest, byte[] signature) {
        try {
            return switch (alg.substring(0, 2)) {
                case "RS" -> {
                    requireKey(key.getAlgorithm(), "RSA");
                    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    rsa.init(Cipher.DECRYPT_MODE, key);
                    byte[] expected = KeyParser.concat(digestInfo(alg, digest), digest);
                    try {
                        yield java.security.MessageDigest.isEqual(rsa.doFinal(signature), expected);
                    } catch (GeneralSecurityException e) {
                        yield false;
                    }
                }
                case "PS" -> {
                    requireKey(key.getAlgorithm(), "RSA");
                    yield RsaPss.verify(hash(alg), key, digest, signature);
                }
                case "ES" -> {
                    requireKey(key.getAlgorithm(), "EC");
                    Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                    ecdsa.initVerify(key);
                    ecdsa.update(digest);
                    yield safeVerify(ecdsa, signature);
                }
                default -> {
                    requireEd25519(key.getAlgorithm());
                    Signature ed = Signature.getInstance("Ed25519");
                    ed.initVerify(key);
                    ed.update(digest);
                    yield safeVerify(ed, signature);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new CryptoOperationException("failed to validate the signature: " + e.getMessage(), e);
        }
    }

    private static boolean safeVerify(Signature verifier, byte[] signature) {
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    static String hash(String alg) {
        return switch (alg.substring(alg.length() - 3)) {
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> "SHA-256";
        };
    }

    /** The DER DigestInfo prefix of PKCS#1 v1.5 signatures; the digest must have the hash's length. */
    private static byte[] digestInfo(String alg, byte[] digest) {
        String prefix = switch (hash(alg)) {
            case "SHA-384" -> "3041300d060960864801650304020205000430";
            case "SHA-512" -> "3051300d060960864801650304020305000440";
            default -> "3031300d060960864801650304020105000420";
        };
        byte[] bytes = HexFormat.of().parseHex(prefix);
        if (digest.length != (bytes[bytes.length - 1] & 0xff)) {
            throw new CryptoOperationException("input must be hashed message");
        }
        return bytes;
    }

    private static void requireKey(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new CryptoOperationException("key type mismatch");
        }
    }

    private static void requireEd25519(String actual) {
        if (!"Ed25519".equals(actual) && !"EdDSA".equals(actual)) {
            throw new CryptoOperationException("key type mismatch");
        }
    }
}
