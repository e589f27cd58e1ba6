package io.daprj.components.redis.bindings;

import io.daprj.components.redis.state.RedisAddress;
import io.daprj.spi.DefaultValue;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.redis}, with Dapr's names (the shared Redis settings of
 * components-contrib). Dapr options this binding does not use (pool sizes, retries, OIDC, Entra ID) are accepted
 * and ignored.
 *
 * @param redisHost {@code host:port} of the server (port 6379 when left out); {@code [::1]:6379} for IPv6
 * @param redisUsername the ACL user, for Redis 6 and later
 * @param redisPassword the password
 * @param redisDB the database number
 * @param enableTLS connect over TLS
 * @param insecureSkipTLSVerify accept any server certificate (tests only)
 * @param redisType {@code node}; {@code cluster} is not supported yet and fails init
 * @param failover Sentinel failover; not supported yet, {@code true} fails init
 * @param dialTimeout how long connecting may take
 * @param readTimeout how long one command may take
 */
record RedisBindingMetadata(
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

    RedisBindingMetadata {
        RedisAddress.parse(redisHost);
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
        if (!dialTimeout.isPositive() || !readTimeout.isPositive()) {
            throw new IllegalArgumentException("metadata fields 'dialTimeout' and 'readTimeout' (expected: more than 0s)");
        }
    }

    /** The server's address and credentials as a Lettuce URI. */
    RedisURI uri() {
        RedisAddress address = RedisAddress.parse(redisHost);
        RedisURI.Builder uri = RedisURI.builder().withHost(address.host()).withPort(address.port())
                .withDatabase(redisDB).withSsl(enableTLS).withVerifyPeer(!insecureSkipTLSVerify)
                .withTimeout(readTimeout);
        redisPassword.ifPresent(password -> redisUsername.ifPresentOrElse(
                user -> uri.withAuthentication(user, password), () -> uri.withPassword(password.toCharArray())));
        return uri.build();
    }
}
