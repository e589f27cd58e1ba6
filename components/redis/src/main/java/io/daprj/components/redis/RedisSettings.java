package io.daprj.components.redis;

import io.daprj.components.redis.state.RedisAddress;
import io.daprj.spi.DefaultValue;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection settings every Dapr Redis component takes (components-contrib's shared Redis settings), with Dapr's
 * names; the whole metadata of {@code bindings.redis}, and the part other Redis components could share. Dapr options
 * not used (pool sizes, retries, OIDC, Entra ID) are accepted and ignored.
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
public record RedisSettings(
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

    public RedisSettings {
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
            throw new IllegalArgumentException(
                    "metadata fields 'dialTimeout' and 'readTimeout' (expected: more than 0s)");
        }
    }

    /** The server's address and credentials as a Lettuce URI. */
    public RedisURI uri() {
        RedisAddress address = RedisAddress.parse(redisHost);
        RedisURI.Builder uri = RedisURI.builder().withHost(address.host()).withPort(address.port())
                .withDatabase(redisDB).withSsl(enableTLS).withVerifyPeer(!insecureSkipTLSVerify)
                .withTimeout(readTimeout);
        redisPassword.ifPresent(password -> redisUsername.ifPresentOrElse(
                user -> uri.withAuthentication(user, password), () -> uri.withPassword(password.toCharArray())));
        return uri.build();
    }

    /** Lettuce client options: the dial and command timeouts; commands fail at once while disconnected. */
    public ClientOptions clientOptions() {
        return ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(dialTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(readTimeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build();
    }
}
