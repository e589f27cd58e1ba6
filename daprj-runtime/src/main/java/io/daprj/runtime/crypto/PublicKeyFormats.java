package io.daprj.runtime.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.crypto.PublicKeyInfo;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** A public key as {@code SubtleGetKeyAlpha1} returns it: PEM ({@code PUBLIC KEY}, PKIX) or a JWK with sorted members. */
final class PublicKeyFormats {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private PublicKeyFormats() {}

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String jwk(PublicKeyInfo info) {
        Map<String, String> jwk = new TreeMap<>();
        PublicKey key = info.key();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", URL.encodeToString(unsigned(rsa.getModulus())));
            jwk.put("e", URL.encodeToString(unsigned(rsa.getPublicExponent())));
        } else if (key instanceof ECPublicKey ec) {
            int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            jwk.put("kty", "EC");
            jwk.put("crv", switch (size) {
                case 32 -> "P-256";
                case 48 -> "P-384";
                default -> "P-521";
            });
            jwk.put("x", URL.encodeToString(fixed(ec.getW().getAffineX(), size)));
            jwk.put("y", URL.encodeToString(fixed(ec.getW().getAffineY(), size)));
        } else if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            byte[] spki = key.getEncoded();
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", URL.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)));
        } else {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
        }
        info.keyId().ifPresent(kid -> jwk.put("kid", kid));
        info.algorithm().ifPresent(alg -> jwk.put("alg", alg));
        try {
            return new ObjectMapper().writeValueAsString(jwk);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] fixed(BigInteger value, int size) {
        byte[] bytes = unsigned(value);
        byte[] out = new byte[size];
        System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
        return out;
    }
}
