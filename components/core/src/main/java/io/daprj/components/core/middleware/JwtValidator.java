package io.daprj.components.core.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a compact-serialised JWS token (RFC 7519) as Dapr's bearer middleware does: signature by a key of the
 * JWKS chosen by the token's {@code kid} (RS256/384/512, ES256/384/512; {@code none} and HMAC are refused), then
 * {@code exp}, {@code nbf} and {@code iat} with five minutes of clock skew, {@code iss} equal to the issuer and the
 * audience among {@code aud}. Thread safe.
 */
final class JwtValidator {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA",
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format",
            "ES512", "SHA512withECDSAinP1363Format");

    private final String issuer;
    private final String audience;

    JwtValidator(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * Why the token is refused, or empty when it is valid.
     *
     * @param keyFor the JWKS key with a {@code kid}, looked up again after a refresh when unknown
     */
    Optional<String> problem(String token, Function<String, Optional<JsonWebKeys.Key>> keyFor, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("not a compact JWS");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            return Optional.of("malformed token: " + e.getMessage());
        }
        String alg = header.path("alg").asText();
        String javaAlg = ALGORITHMS.get(alg);
        if (javaAlg == null) {
            return Optional.of("algorithm '" + alg + "' is not accepted");
        }
        Optional<JsonWebKeys.Key> key = keyFor.apply(header.path("kid").asText(""));
        if (key.isEmpty()) {
            return Optional.of("no key in the JWKS for kid '" + header.path("kid").asText("") + "'");
        }
        if (!key.get().alg().isEmpty() && !key.get().alg().equals(alg)) {
            return Optional.of("the key is for " + key.get().alg() + ", the token says " + alg);
        }
        if (!verifies(javaAlg, key.get().publicKey(), parts)) {
            return Optional.of("bad signature");
        }
        return claimProblem(claims, now);
    }

    private static boolean verifies(String javaAlg, PublicKey key, String[] parts) {
        try {
            Signature signature = Signature.getInstance(javaAlg);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            // a key of the wrong type, or a signature of the wrong size, is simply not a valid signature
            return false;
        }
    }

    private Optional<String> claimProblem(JsonNode claims, Instant now) {
        long skewed = CLOCK_SKEW.toSeconds();
        long seconds = now.getEpochSecond();
        if (claims.has("exp") && seconds - skewed >= claims.path("exp").asLong()) {
            return Optional.of("expired");
        }
        if (claims.has("nbf") && seconds + skewed < claims.path("nbf").asLong()) {
            return Optional.of("not valid yet (nbf)");
        }
        if (claims.has("iat") && seconds + skewed < claims.path("iat").asLong()) {
            return Optional.of("issued in the future (iat)");
        }
        if (!issuer.equals(claims.path("iss").asText(null))) {
            return Optional.of("issuer is not '" + issuer + "'");
        }
        JsonNode aud = claims.path("aud");
        boolean audienceOk = aud.isArray()
                ? java.util.stream.StreamSupport.stream(aud.spliterator(), false).anyMatch(a -> audience.equals(a.asText()))
                : audience.equals(aud.asText(null));
        return audienceOk ? Optional.empty() : Optional.of("audience is not '" + audience + "'");
    }
}
