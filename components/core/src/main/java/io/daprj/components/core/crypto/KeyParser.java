package io.daprj.components.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a key as Dapr's crypto components do ({@code dapr/kit/crypto.ParseKey}): a JWK (JSON), PEM (PKCS#8,
 * PKCS#1, SEC1 or PKIX; the first block counts), or else a symmetric key as base64, base64url or raw bytes. A
 * {@code .json} or {@code .pem} file name settles the format; otherwise the content decides.
 */
final class KeyParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private KeyParser() {}

    static CryptoKey parse(byte[] raw, String fileName) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("key is empty");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return jwk(raw);
        }
        if (lower.endsWith(".pem")) {
            return pem(new String(raw, StandardCharsets.US_ASCII));
        }
        int l = raw.length;
        if (raw[0] == '{' && l != 16 && l != 24 && l != 32) {
            return jwk(raw);
        }
        if (l > 10 && new String(raw, 0, 5, StandardCharsets.US_ASCII).equals("-----")) {
            return pem(new String(raw, StandardCharsets.US_ASCII));
        }
        return CryptoKey.symmetric(symmetric(raw));
    }

    private static byte[] symmetric(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("[\\n=]+$", "");
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), URL)) {
            try {
                return decoder.decode(text);
            } catch (IllegalArgumentException e) {
                // not this alphabet: try the next, then the raw bytes
            }
        }
        return raw.clone();
    }

    static CryptoKey jwk(byte[] json) {
        try {
            return jwk(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JWK: " + e.getMessage(), e);
        }
    }

    static CryptoKey jwk(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("invalid JWK: not a JSON object");
        }
        String kty = text(node, "kty").orElseThrow(() -> new IllegalArgumentException("invalid JWK: no kty"));
        CryptoKey key;
        try {
            key = switch (kty) {
                case "oct" -> CryptoKey.symmetric(bytes(node, "k"));
                case "RSA" -> rsaJwk(node);
                case "EC" -> ecJwk(node);
                case "OKP" -> okpJwk(node);
                default -> throw new IllegalArgumentException("invalid key type " + kty);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid JWK: " + e.getMessage(), e);
        }
        List<String> ops = new ArrayList<>();
        node.path("key_ops").forEach(op -> ops.add(op.asText()));
        return key.withJwkMembers(text(node, "use"), ops, text(node, "alg"), text(node, "kid"));
    }

    private static CryptoKey rsaJwk(JsonNode n) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("RSA");
        BigInteger modulus = number(n, "n");
        BigInteger exponent = number(n, "e");
        PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(modulus, exponent));
        if (!n.has("d")) {
            return CryptoKey.asymmetric(pub, Optional.empty());
        }
        PrivateKey priv = n.has("p") && n.has("q") && n.has("dp") && n.has("dq") && n.has("qi")
                ? kf.generatePrivate(new RSAPrivateCrtKeySpec(modulus, exponent, number(n, "d"), number(n, "p"),
                        number(n, "q"), number(n, "dp"), number(n, "dq"), number(n, "qi")))
                : kf.generatePrivate(new RSAPrivateKeySpec(modulus, number(n, "d")));
        return CryptoKey.asymmetric(pub, Optional.of(priv));
    }

    private static CryptoKey ecJwk(JsonNode n) throws GeneralSecurityException {
        String curve = switch (text(n, "crv").orElse("")) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException("unsupported EC curve " + text(n, "crv").orElse(""));
        };
        ECParameterSpec params = curveParameters(curve);
        KeyFactory kf = KeyFactory.getInstance("EC");
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(number(n, "x"), number(n, "y")), params));
        Optional<PrivateKey> priv = n.has("d")
                ? Optional.of(kf.generatePrivate(new ECPrivateKeySpec(number(n, "d"), params))) : Optional.empty();
        return CryptoKey.asymmetric(pub, priv);
    }

    private static CryptoKey okpJwk(JsonNode n) throws GeneralSecurityException {
        if (!"Ed25519".equals(text(n, "crv").orElse(""))) {
            throw new IllegalArgumentException("unsupported OKP curve " + text(n, "crv").orElse(""));
        }
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(
                concat(Der.hex("302a300506032b6570032100"), bytes(n, "x"))));
        Optional<PrivateKey> priv = n.has("d") ? Optional.of(kf.generatePrivate(new PKCS8EncodedKeySpec(
                concat(Der.hex("302e020100300506032b657004220420"), bytes(n, "d"))))) : Optional.empty();
        return CryptoKey.asymmetric(pub, priv);
    }

    static ECParameterSpec curveParameters(String curve) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    static CryptoKey pem(String text) {
        int begin = text.indexOf("-----BEGIN ");
        int typeEnd = begin < 0 ? -1 : text.indexOf("-----", begin + 11);
        if (typeEnd < 0) {
            throw new IllegalArgumentException("no PEM block found");
        }
        String type = text.substring(begin + 11, typeEnd);
        int end = text.indexOf("-----END " + type + "-----", typeEnd);
        if (end < 0) {
            throw new IllegalArgumentException("PEM block " + type + " is not terminated");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(typeEnd + 5, end));
        try {
            return PemKeys.decode(type, der);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("invalid PEM key (" + type + "): " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static byte[] bytes(JsonNode node, String name) {
        return URL.decode(text(node, name).orElseThrow(() -> new IllegalArgumentException("invalid JWK: no " + name))
                .replace("=", ""));
    }

    private static BigInteger number(JsonNode node, String name) {
        return new BigInteger(1, bytes(node, name));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
