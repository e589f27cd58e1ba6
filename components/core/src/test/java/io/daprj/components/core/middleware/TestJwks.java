package io.daprj.components.core.middleware;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS served over HTTP by a JDK server, with an RSA and a P-256 key generated for the test, and a signer of
 * tokens with those keys.
 */
final class TestJwks implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair rsa;
    private final KeyPair ec;
    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile List<Map<String, Object>> published;

    public TestJwks() throws Exception {
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        rsa = rsaGen.generateKeyPair();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        published = List.of(rsaJwk("rsa-1"), ecJwk("ec-1"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = JSON.writeValueAsBytes(Map.of("keys", published));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public int fetches() {
        return fetches.get();
    }

    /** Publishes the RSA key under another kid, as after a key rotation. */
    public void republishRsaAs(String kid) {
        published = List.of(rsaJwk(kid), ecJwk("ec-1"));
    }

    /** A token signed with the RSA key (RS256), header {@code kid}. */
    public String rs256(String kid, Map<String, Object> claims) throws Exception {
        return sign("RS256", kid, claims, rsa.getPrivate(), "SHA256withRSA");
    }

    /** A token signed with the P-256 key (ES256). */
    public String es256(String kid, Map<String, Object> claims) throws Exception {
        return sign("ES256", kid, claims, ec.getPrivate(), "SHA256withECDSAinP1363Format");
    }

    /** A token with {@code alg: none} and no signature. */
    public static String unsigned(Map<String, Object> claims) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "."
                + B64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
    }

    private static String sign(String alg, String kid, Map<String, Object> claims, PrivateKey key, String javaAlg)
            throws Exception {
        String signingInput = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", alg, "typ", "JWT", "kid", kid)))
                + "." + B64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance(javaAlg);
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(signature.sign());
    }

    private Map<String, Object> rsaJwk(String kid) {
        RSAPublicKey key = (RSAPublicKey) rsa.getPublic();
        return Map.of("kty", "RSA", "kid", kid, "use", "sig", "alg", "RS256",
                "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()));
    }

    private Map<String, Object> ecJwk(String kid) {
        ECPublicKey key = (ECPublicKey) ec.getPublic();
        return Map.of("kty", "EC", "kid", kid, "crv", "P-256",
                "x", coordinate(key.getW().getAffineX()), "y", coordinate(key.getW().getAffineY()));
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        return B64.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String coordinate(BigInteger n) {
        byte[] out = new byte[32];
        byte[] bytes = n.toByteArray();
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return B64.encodeToString(out);
    }

    /** Claims for {@code issuer} and {@code audience}, valid from a minute ago for an hour. */
    public static Map<String, Object> claims(String issuer, Object audience) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", "user-1");
        claims.put("nbf", now - 60);
        claims.put("iat", now - 60);
        claims.put("exp", now + 3600);
        return claims;
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
