package io.daprj.components.core.crypto;

import io.daprj.conformance.crypto.TestKeys;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The conformance keys written as the files and JWKs Dapr users keep them in. */
final class TestKeyFiles {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestKeyFiles() {}

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Every key by its conformance name, as a JWK (JSON text) with that name as {@code kid}. */
    static Map<String, String> jwks(TestKeys keys) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(TestKeys.RSA_PRIVATE, rsa(keys.rsa(), true, TestKeys.RSA_PRIVATE));
        out.put(TestKeys.RSA_PUBLIC, rsa(keys.rsa(), false, TestKeys.RSA_PUBLIC));
        out.put(TestKeys.P256_PRIVATE, ec(keys.p256(), true, TestKeys.P256_PRIVATE));
        out.put(TestKeys.P256_PUBLIC, ec(keys.p256(), false, TestKeys.P256_PUBLIC));
        out.put(TestKeys.ED25519_PRIVATE, ed(keys.ed25519(), true, TestKeys.ED25519_PRIVATE));
        out.put(TestKeys.ED25519_PUBLIC, ed(keys.ed25519(), false, TestKeys.ED25519_PUBLIC));
        out.put(TestKeys.SYMMETRIC_256, "{\"kty\":\"oct\",\"kid\":\"" + TestKeys.SYMMETRIC_256 + "\",\"k\":\""
                + URL.encodeToString(keys.symmetric256()) + "\"}");
        return out;
    }

    static String rsa(KeyPair pair, boolean withPrivate, String kid) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        StringBuilder json = new StringBuilder("{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"");
        if (withPrivate) {
            RSAPrivateCrtKey p = (RSAPrivateCrtKey) pair.getPrivate();
            json.append(",\"d\":\"").append(b64(p.getPrivateExponent())).append("\",\"p\":\"").append(b64(p.getPrimeP()))
                    .append("\",\"q\":\"").append(b64(p.getPrimeQ())).append("\",\"dp\":\"").append(b64(p.getPrimeExponentP()))
                    .append("\",\"dq\":\"").append(b64(p.getPrimeExponentQ())).append("\",\"qi\":\"")
                    .append(b64(p.getCrtCoefficient())).append('"');
        }
        return json.append('}').toString();
    }

    static String ec(KeyPair pair, boolean withPrivate, String kid) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        String json = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\"" + fixed(pub.getW().getAffineX())
                + "\",\"y\":\"" + fixed(pub.getW().getAffineY()) + "\"";
        if (withPrivate) {
            json += ",\"d\":\"" + fixed(((ECPrivateKey) pair.getPrivate()).getS()) + "\"";
        }
        return json + "}";
    }

    static String ed(KeyPair pair, boolean withPrivate, String kid) {
        byte[] spki = pair.getPublic().getEncoded();
        String json = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"x\":\""
                + URL.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)) + "\"";
        if (withPrivate) {
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            json += ",\"d\":\"" + URL.encodeToString(Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length)) + "\"";
        }
        return json + "}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int skip = bytes.length > 32 ? bytes.length - 32 : 0;
        System.arraycopy(bytes, skip, out, 32 - (bytes.length - skip), bytes.length - skip);
        return URL.encodeToString(out);
    }
}
