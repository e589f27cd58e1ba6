package io.daprj.components.core.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of a JSON Web Key Set (RFC 7517) as JDK public keys: RSA keys and EC keys on P-256, P-384 and
 * P-521. Keys of other types, or marked {@code "use": "enc"}, are left out.
 *
 * @param keys the usable keys, in the order of the set
 */
record JsonWebKeys(List<Key> keys) {

    /**
     * One key.
     *
     * @param kid its {@code kid}, or empty
     * @param alg its {@code alg}, or empty when the key does not restrict it
     */
    record Key(String kid, String alg, PublicKey publicKey) {}

    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    static JsonWebKeys parse(JsonNode set) throws Exception {
        if (!set.path("keys").isArray()) {
            throw new IllegalArgumentException("the JWKS has no 'keys' array");
        }
        List<Key> keys = new ArrayList<>();
        for (JsonNode jwk : set.path("keys")) {
            if (jwk.path("use").asText("sig").equals("sig")) {
                Optional<PublicKey> key = publicKey(jwk);
                if (key.isPresent()) {
                    keys.add(new Key(jwk.path("kid").asText(""), jwk.path("alg").asText(""), key.get()));
                }
            }
        }
        return new JsonWebKeys(List.copyOf(keys));
    }

    private static Optional<PublicKey> publicKey(JsonNode jwk) throws Exception {
        switch (jwk.path("kty").asText()) {
            case "RSA" -> {
                return Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e"))));
            }
            case "EC" -> {
                String curve = CURVES.get(jwk.path("crv").asText());
                if (curve == null) {
                    return Optional.empty();
                }
                AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                params.init(new ECGenParameterSpec(curve));
                ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
                return Optional.of(KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), spec)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(field).asText()));
    }
}
