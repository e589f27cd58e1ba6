package io.daprj.components.core.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code middleware.http.bearer}: a request passes only with {@code Authorization: Bearer <JWT>} whose token
 * {@link JwtValidator} accepts for {@code issuer} and {@code audience}; otherwise it is answered 401
 * {@code Unauthorized} in plain text, as Dapr's. The keys come from {@code jwksURL}, or when that is not set from the
 * {@code jwks_uri} of {@code <issuer>/.well-known/openid-configuration}; they are fetched at init (a failure fails
 * the component), again after ten minutes, and at most once a minute when a token names an unknown {@code kid}.
 * The older names {@code issuerURL} and {@code clientID} are read too, as in Dapr.
 */
public final class BearerMiddleware implements HttpMiddleware {

    private static final Logger log = LoggerFactory.getLogger(BearerMiddleware.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "bearer ";
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(10);
    private static final Duration UNKNOWN_KID_REFRESH = Duration.ofMinutes(1);

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JwtValidator validator;
    private URI jwksUri;
    private volatile JsonWebKeys keys = new JsonWebKeys(java.util.List.of());
    private volatile Instant fetchedAt = Instant.EPOCH;

    public BearerMiddleware() {
        this(Clock.systemUTC());
    }

    BearerMiddleware(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(ComponentMetadata metadata) throws Exception {
        String issuer = metadata.get("issuer").or(() -> metadata.get("issuerURL"))
                .orElseThrow(() -> new IllegalArgumentException("metadata property 'issuer' is required"));
        String audience = metadata.get("audience").or(() -> metadata.get("clientID"))
                .orElseThrow(() -> new IllegalArgumentException("metadata property 'audience' is required"));
        validator = new JwtValidator(issuer, audience);
        jwksUri = URI.create(metadata.get("jwksURL").orElseGet(() -> discoverJwksUrl(issuer)));
        try {
            refresh();
        } catch (Exception e) {
            throw new IllegalStateException("failed to fetch JWKS from " + jwksUri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception {
        String authorization = request.header("authorization").orElse("");
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(PREFIX) || authorization.length() < PREFIX.length() + 10) {
            return MiddlewareResponse.text(401, "Unauthorized");
        }
        if (fetchedAt.plus(REFRESH_AFTER).isBefore(clock.instant())) {
            tryRefresh();
        }
        Optional<String> problem = validator.problem(authorization.substring(PREFIX.length()).trim(), this::key,
                clock.instant());
        if (problem.isPresent()) {
            log.debug("bearer token refused: {}", problem.get());
            return MiddlewareResponse.text(401, "Unauthorized");
        }
        return next.proceed(request);
    }

    /** The key with {@code kid}; a token without {@code kid} matches no key, as with Dapr's JWKS key set. */
    private Optional<JsonWebKeys.Key> key(String kid) {
        if (kid.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonWebKeys.Key> found = find(kid);
        if (found.isEmpty() && fetchedAt.plus(UNKNOWN_KID_REFRESH).isBefore(clock.instant())) {
            tryRefresh();
            found = find(kid);
        }
        return found;
    }

    private Optional<JsonWebKeys.Key> find(String kid) {
        return keys.keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    private void tryRefresh() {
        try {
            refresh();
        } catch (Exception e) {
            log.warn("error while refreshing the JWKS from {}: {}", jwksUri, e.toString());
            // keep the old keys; try again only after the unknown-kid interval
            fetchedAt = clock.instant().minus(REFRESH_AFTER).plus(UNKNOWN_KID_REFRESH);
        }
    }

    private synchronized void refresh() throws Exception {
        keys = JsonWebKeys.parse(getJson(jwksUri));
        fetchedAt = clock.instant();
    }

    private String discoverJwksUrl(String issuer) {
        URI config = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        JsonNode document;
        try {
            document = getJson(config);
        } catch (Exception e) {
            throw new IllegalStateException("failed to fetch the OpenID Configuration " + config + ": " + e.getMessage(), e);
        }
        if (document.path("jwks_uri").asText("").isEmpty()) {
            throw new IllegalStateException("the OpenID Configuration document does not contain a 'jwks_uri'");
        }
        if (!issuer.equals(document.path("issuer").asText())) {
            throw new IllegalStateException("the issuer found in the OpenID Configuration document ('"
                    + document.path("issuer").asText() + "') doesn't match the one in the metadata ('" + issuer + "')");
        }
        return document.path("jwks_uri").asText();
    }

    private JsonNode getJson(URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("invalid response status code: " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
