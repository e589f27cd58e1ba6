package io.daprj.conformance.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * The keys the crypto conformance suite runs with, made fresh per run. A provider under test must hold them under
 * the names below: private keys with their public part, public keys alone, and the 256-bit symmetric key.
 */
public record TestKeys(KeyPair rsa, KeyPair p256, KeyPair ed25519, byte[] symmetric256) {

    public static final String RSA_PRIVATE = "rsa-private";
    public static final String RSA_PUBLIC = "rsa-public";
    public static final String P256_PRIVATE = "p256-private";
    public static final String P256_PUBLIC = "p256-public";
    public static final String ED25519_PRIVATE = "ed25519-private";
    public static final String ED25519_PUBLIC = "ed25519-public";
    public static final String SYMMETRIC_256 = "symmetric-256";

    /** New keys: RSA 2048, EC P-256, Ed25519 and 32 random bytes. */
    public static TestKeys generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new TestKeys(rsa.generateKeyPair(), ec.generateKeyPair(),
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
