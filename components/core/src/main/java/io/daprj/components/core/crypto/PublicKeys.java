package io.daprj.components.core.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The public key of a private key, with the JDK's own constant-time code: RSA from the CRT key's modulus and
 * exponent; Ed25519 by generating the pair again from the private seed; EC by ECDH of the private scalar with the
 * curve's generator (which gives x), solving the curve equation for y and keeping the root that verifies a signature.
 */
final class PublicKeys {

    private PublicKeys() {}

    static PublicKey derive(PrivateKey priv) {
        try {
            if (priv instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (priv instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
                byte[] seed = ed.getBytes().get();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
                return generator.generateKeyPair().getPublic();
            }
            if (priv instanceof ECPrivateKey ec) {
                return ecPublic(ec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("cannot derive the public key of a " + priv.getAlgorithm() + " key");
    }

    private static PublicKey ecPublic(ECPrivateKey priv) throws GeneralSecurityException {
        ECParameterSpec params = priv.getParams();
        KeyFactory kf = KeyFactory.getInstance("EC");
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(priv);
        agreement.doPhase(kf.generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
        BigInteger x = new BigInteger(1, agreement.generateSecret());
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        // the NIST prime curves have p = 3 (mod 4), so a square root is rhs^((p+1)/4)
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        byte[] probe = new byte[32];
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(priv);
        signer.update(probe);
        byte[] signature = signer.sign();
        for (BigInteger candidate : new BigInteger[] {y, p.subtract(y)}) {
            PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pub);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return pub;
            }
        }
        throw new GeneralSecurityException("no point on the curve matches the private key");
    }

    /** A "random" source that yields the private seed, so the generator rebuilds that exact pair. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
