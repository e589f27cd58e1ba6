package io.daprj.components.core.middleware;

import static io.daprj.components.core.middleware.Requests.init;
import static io.daprj.components.core.middleware.Requests.run;
import static io.daprj.components.core.middleware.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bearer} against a JWKS served over HTTP, with tokens signed in the test. */
class BearerMiddlewareTest {

    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "orders-api";

    private final AtomicReference<MiddlewareRequest> reached = new AtomicReference<>();
    private TestJwks jwks;
    private BearerMiddleware bearer;

    @BeforeEach
    void start() throws Exception {
        jwks = new TestJwks();
        bearer = init(new BearerMiddleware(), "middleware.http.bearer",
                Map.of("issuer", ISSUER, "audience", AUDIENCE, "jwksURL", jwks.url()));
    }

    @AfterEach
    void stop() {
        bearer.close();
        jwks.close();
    }

    private MiddlewareResponse call(String authorization) throws Exception {
        reached.set(null);
        Map<String, List<String>> headers = authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
        return run(bearer, new MiddlewareRequest("GET", "/v1.0/state/s/k", "", headers, new byte[0], "127.0.0.1"), reached);
    }

    private void assertRefused(String authorization) throws Exception {
        MiddlewareResponse response = call(authorization);
        assertThat(response.status()).isEqualTo(401);
        assertThat(text(response.body())).isEqualTo("Unauthorized");
        assertThat(reached.get()).isNull();
    }

    @Test
    void validRs256AndEs256TokensPass() throws Exception {
        assertThat(call("Bearer " + jwks.rs256("rsa-1", TestJwks.claims(ISSUER, AUDIENCE))).status()).isEqualTo(200);
        assertThat(reached.get()).isNotNull();
        assertThat(call("bearer " + jwks.es256("ec-1", TestJwks.claims(ISSUER, List.of("other", AUDIENCE)))).status())
                .isEqualTo(200);
    }

    @Test
    void missingOrMalformedAuthorizationIsRefused() throws Exception {
        assertRefused(null);
        assertRefused("Basic dXNlcjpwYXNz");
        assertRefused("Bearer short");
        assertRefused("Bearer not.a-real.token-at-all");
    }

    @Test
    void wrongIssuerAudienceOrTimesAreRefused() throws Exception {
        assertRefused("Bearer " + jwks.rs256("rsa-1", TestJwks.claims("https://evil.example", AUDIENCE)));
        assertRefused("Bearer " + jwks.rs256("rsa-1", TestJwks.claims(ISSUER, "someone-else")));
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> expired = TestJwks.claims(ISSUER, AUDIENCE);
        expired.put("exp", now - 600);
        assertRefused("Bearer " + jwks.rs256("rsa-1", expired));
        Map<String, Object> notYet = TestJwks.claims(ISSUER, AUDIENCE);
        notYet.put("nbf", now + 600);
        assertRefused("Bearer " + jwks.rs256("rsa-1", notYet));
    }

    @Test
    void expiryWithinTheClockSkewStillPasses() throws Exception {
        Map<String, Object> justExpired = TestJwks.claims(ISSUER, AUDIENCE);
        justExpired.put("exp", System.currentTimeMillis() / 1000 - 60);
        assertThat(call("Bearer " + jwks.rs256("rsa-1", justExpired)).status()).isEqualTo(200);
    }

    @Test
    void badSignaturesUnsignedTokensAndUnknownKeysAreRefused() throws Exception {
        String token = jwks.rs256("rsa-1", TestJwks.claims(ISSUER, AUDIENCE));
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertRefused("Bearer " + tampered);
        assertRefused("Bearer " + TestJwks.unsigned(TestJwks.claims(ISSUER, AUDIENCE)));
        // an RS256 header pointing at the EC key
        assertRefused("Bearer " + jwks.rs256("ec-1", TestJwks.claims(ISSUER, AUDIENCE)));
        assertRefused("Bearer " + jwks.rs256("", TestJwks.claims(ISSUER, AUDIENCE)));
    }

    @Test
    void anUnknownKidFetchesTheJwksAgainOnceAMinuteAtMost() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new AtomicReference<>(java.time.Instant.now());
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        bearer.close();
        bearer = init(new BearerMiddleware(clock), "middleware.http.bearer",
                Map.of("issuer", ISSUER, "audience", AUDIENCE, "jwksURL", jwks.url()));
        jwks.republishRsaAs("rsa-2");
        int before = jwks.fetches();
        String rotated = "Bearer " + jwks.rs256("rsa-2", TestJwks.claims(ISSUER, AUDIENCE));
        assertRefused(rotated);
        assertThat(jwks.fetches()).isEqualTo(before);

        now.set(now.get().plusSeconds(90));
        assertThat(call(rotated).status()).isEqualTo(200);
        assertThat(jwks.fetches()).isEqualTo(before + 1);
    }

    @Test
    void requiredMetadataAndAReachableJwksAreCheckedAtInit() {
        assertThatThrownBy(() -> init(new BearerMiddleware(), "middleware.http.bearer", Map.of("audience", AUDIENCE)))
                .hasMessageContaining("metadata property 'issuer' is required");
        assertThatThrownBy(() -> init(new BearerMiddleware(), "middleware.http.bearer",
                Map.of("issuer", ISSUER, "audience", AUDIENCE, "jwksUrl", "http://127.0.0.1:1/jwks.json")))
                .hasMessageContaining("failed to fetch JWKS");
    }
}
