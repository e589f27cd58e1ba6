package io.daprj.components.redis.pubsub;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata of {@code pubsub.redis}, with Dapr's names and defaults. Dapr options this broker does not
 * use (pool sizes, OIDC, retry tuning) are accepted and ignored.
 *
 * @param redisHost {@code host:port} of the server (port 6379 when left out); {@code [::1]:6379} for IPv6
 * @param redisUsername the ACL user, for Redis 6 and later
 * @param redisPassword the password
 * @param redisDB the database number
 * @param enableTLS connect over TLS
 * @param insecureSkipTLSVerify accept any server certificate (tests only)
 * @param redisType {@code node}; {@code cluster} is not supported yet and fails init
 * @param failover Sentinel failover; not supported yet, {@code true} fails init
 * @param consumerID the consumer group, also the consumer name within it (as in Dapr); the app id when left out
 * @param processingTimeout how long a message may stay pending (read, not acknowledged) before it is claimed and
 *     delivered again; 0 turns redelivery off
 * @param redeliverInterval how often pending messages past {@code processingTimeout} are looked for; 0 turns
 *     redelivery off
 * @param queueDepth how many messages one read or one pending scan fetches at most
 * @param concurrency how many messages of one subscription are handled at once; 1 keeps stream order
 * @param maxLenApprox trim each stream to about this many entries on publish (XADD MAXLEN ~)
 * @param streamTTL trim entries older than this on publish (XADD MINID ~); ignored when {@code maxLenApprox} is set
 * @param dialTimeout how long connecting may take
 * @param readTimeout how long one blocking read waits for new messages, and the command timeout
 */
record RedisPubSubMetadata(
        String redisHost,
        Optional<String> redisUsername,
        Optional<String> redisPassword,
        @DefaultValue("0") int redisDB,
        @DefaultValue("false") boolean enableTLS,
        @DefaultValue("false") boolean insecureSkipTLSVerify,
        @DefaultValue("node") String redisType,
        @DefaultValue("false") boolean failover,
        Optional<String> consumerID,
        @DefaultValue("15s") Duration processingTimeout,
        @DefaultValue("60s") Duration redeliverInterval,
        @DefaultValue("100") int queueDepth,
        @DefaultValue("10") int concurrency,
        Optional<Long> maxLenApprox,
        Optional<Duration> streamTTL,
        @DefaultValue("5s") Duration dialTimeout,
        @DefaultValue("3s") Duration readTimeout) {

    RedisPubSubMetadata {
        uri(redisHost, 0);
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
        requireAtLeast("processingTimeout", processingTimeout, Duration.ZERO);
        requireAtLeast("redeliverInterval", redeliverInterval, Duration.ZERO);
        requireAtLeast("dialTimeout", dialTimeout, Duration.ofMillis(1));
        requireAtLeast("readTimeout", readTimeout, Duration.ofMillis(1));
        requirePositive("queueDepth", queueDepth);
        requirePositive("concurrency", concurrency);
        maxLenApprox.filter(n -> n < 1).ifPresent(n -> {
            throw new IllegalArgumentException("metadata field 'maxLenApprox': " + n + " (expected: 1 or more)");
        });
        streamTTL.ifPresent(ttl -> requireAtLeast("streamTTL", ttl, Duration.ofMillis(1)));
    }

    /** The consumer group: {@code consumerID}, else the app id, else {@code daprj} for a sidecar without one. */
    String group(String appId) {
        return consumerID.orElse(appId.isBlank() ? "daprj" : appId);
    }

    /** False when {@code processingTimeout} or {@code redeliverInterval} is 0, as in Dapr. */
    boolean redelivers() {
        return processingTimeout.isPositive() && redeliverInterval.isPositive();
    }

    /** The server's address and credentials as a Lettuce URI. */
    RedisURI uri() {
        RedisURI.Builder uri = uri(redisHost, redisDB).withSsl(enableTLS).withVerifyPeer(!insecureSkipTLSVerify)
                .withTimeout(readTimeout.plus(readTimeout));
        redisPassword.ifPresent(password -> redisUsername.ifPresentOrElse(
                user -> uri.withAuthentication(user, password), () -> uri.withPassword(password.toCharArray())));
        return uri.build();
    }

    private static RedisURI.Builder uri(String redisHost, int db) {
        try {
            URI parsed = new URI("redis://" + redisHost.trim());
            String host = parsed.getHost();
            if (host == null || host.isEmpty() || parsed.getPath() != null && !parsed.getPath().isEmpty()) {
                throw new URISyntaxException(redisHost, "no host");
            }
            host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return RedisURI.builder().withHost(host).withPort(parsed.getPort() < 0 ? 6379 : parsed.getPort())
                    .withDatabase(db);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "metadata field 'redisHost': '" + redisHost + "' (expected: host:port, e.g. localhost:6379)");
        }
    }

    private static void requireAtLeast(String field, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException("metadata field '" + field + "': " + GoDuration.format(value)
                    + " (expected: " + GoDuration.format(min) + " or more)");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("metadata field '" + field + "': " + value + " (expected: 1 or more)");
        }
    }
}
