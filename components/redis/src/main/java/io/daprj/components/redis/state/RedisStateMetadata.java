package io.daprj.components.redis.state;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata of {@code state.redis}, with Dapr's names. Keys read by the runtime rather than the store
 * ({@code keyPrefix}, {@code actorStateStore}) and Dapr options this store does not use (pool sizes, OIDC, query
 * indexes) are accepted and ignored.
 *
 * @param redisHost {@code host:port} of the server (port 6379 when left out); {@code [::1]:6379} for IPv6
 * @param redisUsername the ACL user, for Redis 6 and later
 * @param redisPassword the password
 * @param redisDB the database number
 * @param enableTLS connect over TLS
 * @param insecureSkipTLSVerify accept any server certificate (tests only)
 * @param redisType {@code node}; {@code cluster} is not supported yet and fails init
 * @param failover Sentinel failover; not supported yet, {@code true} fails init
 * @param maxRetries how often a read that failed on the connection is retried (Dapr's {@code redisMaxRetries})
 * @param redisMaxRetries the name Dapr documents for {@code maxRetries}; used when {@code maxRetries} is absent
 * @param redisMinRetryInterval the first pause between retries, doubled each time
 * @param dialTimeout how long connecting may take
 * @param readTimeout how long one command may take
 * @param ttlInSeconds the TTL of writes that do not give {@code ttlInSeconds} themselves; none by default
 */
record RedisStateMetadata(
        String redisHost,
        Optional<String> redisUsername,
        Optional<String> redisPassword,
        @DefaultValue("0") int redisDB,
        @DefaultValue("false") boolean enableTLS,
        @DefaultValue("false") boolean insecureSkipTLSVerify,
        @DefaultValue("node") String redisType,
        @DefaultValue("false") boolean failover,
        Optional<Integer> maxRetries,
        @DefaultValue("3") int redisMaxRetries,
        @DefaultValue("8ms") Duration redisMinRetryInterval,
        @DefaultValue("5s") Duration dialTimeout,
        @DefaultValue("3s") Duration readTimeout,
        Optional<Integer> ttlInSeconds) {

    RedisStateMetadata {
        RedisAddress.parse(redisHost);
        if (redisDB < 0) {
            throw new IllegalArgumentException("metadata field 'redisDB': " + redisDB + " (expected: 0 or more)");
        }
        if (!redisType.toLowerCase(Locale.ROOT).equals("node")) {
            throw new IllegalArgumentException(
                    "metadata field 'redisType': '" + redisType + "' (expected: node; cluster is not supported yet)");
        }
        if (failover) {
            throw new IllegalArgumentException("metadata field 'failover': true (expected: false; Sentinel is not"
                    + " supported yet)");
        }
        requirePositive("dialTimeout", dialTimeout);
        requirePositive("readTimeout", readTimeout);
        if (redisMinRetryInterval.isNegative()) {
            throw new IllegalArgumentException("metadata field 'redisMinRetryInterval': "
                    + GoDuration.format(redisMinRetryInterval) + " (expected: 0s or more)");
        }
        ttlInSeconds.filter(t -> t < -1).ifPresent(t -> {
            throw new IllegalArgumentException("metadata field 'ttlInSeconds': " + t + " (expected: -1 or more)");
        });
    }

    /** The retries for reads: {@code maxRetries} if given, else {@code redisMaxRetries}; never negative. */
    int readRetries() {
        return Math.max(0, maxRetries.orElse(redisMaxRetries));
    }

    /** The TTL a write without its own {@code ttlInSeconds} gets, 0 for none. */
    long defaultTtlSeconds() {
        return Math.max(0, ttlInSeconds.orElse(0));
    }

    /** {@code redisHost} split into host and port. */
    RedisAddress address() {
        return RedisAddress.parse(redisHost);
    }

    private static void requirePositive(String field, Duration value) {
        if (!value.isPositive()) {
            throw new IllegalArgumentException(
                    "metadata field '" + field + "': " + GoDuration.format(value) + " (expected: more than 0s)");
        }
    }
}
