package io.daprj.components.redis.configuration;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata of {@code configuration.redis}, with Dapr's names (the shared Redis settings of
 * components-contrib). Dapr options this store does not use (pool sizes, retries, OIDC, Entra ID) are accepted and
 * ignored.
 *
 * @param redisHost {@code host:port} of the server (port 6379 when left out); {@code [::1]:6379} for IPv6
 * @param redisUsername the ACL user, for Redis 6 and later
 * @param redisPassword the password
 * @param redisDB the database number; keyspace notifications are watched in this database only
 * @param enableTLS connect over TLS
 * @param insecureSkipTLSVerify accept any server certificate (tests only)
 * @param redisType {@code node}; {@code cluster} is not supported yet and fails init
 * @param failover Sentinel failover; not supported yet, {@code true} fails init
 * @param dialTimeout how long connecting may take
 * @param readTimeout how long one command may take
 */
record RedisConfigurationMetadata(
        String redisHost,
        Optional<String> redisUsername,
        Optional<String> redisPassword,
        @DefaultValue("0") int redisDB,
        @DefaultValue("false") boolean enableTLS,
        @DefaultValue("false") boolean insecureSkipTLSVerify,
        @DefaultValue("node") String redisType,
        @DefaultValue("false") boolean failover,
        @DefaultValue("5s") Duration dialTimeout,
        @DefaultValue("3s") Duration readTimeout) {

    RedisConfigurationMetadata {
        address(redisHost);
        if (redisDB < 0) {
            throw new IllegalArgumentException("metadata field 'redisDB': " + redisDB + " (expected: 0 or more)");
        }
        if (!redisType.toLowerCase(Locale.ROOT).equals("node")) {
            throw new IllegalArgumentException(
                    "metadata field 'redisType': '" + redisType + "' (expected: node; cluster is not supported yet)");
        }
        if (failover) {
            throw new IllegalArgumentException(
                    "metadata field 'failover': true (expected: false; Sentinel is not supported yet)");
        }
        requirePositive("dialTimeout", dialTimeout);
        requirePositive("readTimeout", readTimeout);
    }

    private static void requirePositive(String field, Duration value) {
        if (!value.isPositive()) {
            throw new IllegalArgumentException(
                    "metadata field '" + field + "': " + GoDuration.format(value) + " (expected: more than 0s)");
        }
    }

    /** The server, database and credentials as a Lettuce URI. */
    RedisURI uri() {
        RedisURI.Builder uri = address(redisHost).withDatabase(redisDB).withSsl(enableTLS)
                .withVerifyPeer(!insecureSkipTLSVerify).withTimeout(readTimeout);
        redisPassword.ifPresent(password -> redisUsername.ifPresentOrElse(
                user -> uri.withAuthentication(user, password), () -> uri.withPassword(password.toCharArray())));
        return uri.build();
    }

    /** {@code redisHost} read as a URI authority, which knows {@code host}, {@code host:port} and {@code [v6]:port}. */
    private static RedisURI.Builder address(String redisHost) {
        try {
            URI parsed = new URI("redis://" + redisHost.trim());
            String host = parsed.getHost();
            if (host == null || parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()) {
                throw new URISyntaxException(redisHost, "no host:port");
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return RedisURI.builder().withHost(host).withPort(parsed.getPort() < 0 ? 6379 : parsed.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "metadata field 'redisHost': '" + redisHost + "' (expected: host:port, e.g. localhost:6379)", e);
        }
    }
}
