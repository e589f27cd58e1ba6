package io.daprj.components.core.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * A key as a provider holds it: symmetric bytes, or an asymmetric public key with its private key when known; with
 * the JWK members that restrict its use ({@code use}, {@code key_ops}, {@code alg}) and its {@code kid}.
 */
record CryptoKey(Optional<byte[]> secret, Optional<PublicKey> publicKey, Optional<PrivateKey> privateKey,
        Optional<String> use, List<String> keyOps, Optional<String> algorithm, Optional<String> keyId) {

    static CryptoKey symmetric(byte[] secret) {
        return new CryptoKey(Optional.of(secret), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }

    static CryptoKey asymmetric(PublicKey publicKey, Optional<PrivateKey> privateKey) {
        return new CryptoKey(Optional.empty(), Optional.of(publicKey), privateKey, Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
    }

    CryptoKey withJwkMembers(Optional<String> use, List<String> keyOps, Optional<String> algorithm, Optional<String> keyId) {
        return new CryptoKey(secret, publicKey, privateKey, use, List.copyOf(keyOps), algorithm, keyId);
    }

    boolean isSymmetric() {
        return secret.isPresent();
    }

    /**
     * Whether the key may perform {@code operation} ({@code encrypt}, {@code wrapKey}, {@code sign} …): allowed
     * unless {@code key_ops} leaves it out or {@code use} names the other purpose, as Dapr's components decide.
     */
    boolean canPerform(String operation) {
        if (!keyOps.isEmpty() && !keyOps.contains(operation)) {
            return false;
        }
        return use.map(u -> switch (operation) {
            case "sign", "verify" -> u.equals("sig");
            default -> u.equals("enc");
        }).orElse(true);
    }

    /** Whether the key may be used with {@code alg}: any when the key names no {@code alg}. */
    boolean allows(String alg) {
        return algorithm.map(alg::equals).orElse(true);
    }
}
