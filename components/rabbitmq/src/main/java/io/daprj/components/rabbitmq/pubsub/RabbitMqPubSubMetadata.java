package io.daprj.components.rabbitmq.pubsub;

import io.daprj.components.rabbitmq.RabbitMqConnector;
import io.daprj.components.rabbitmq.RabbitMqEndpoint;
import io.daprj.spi.DefaultValue;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The component metadata of {@code pubsub.rabbitmq}, with Dapr's names and defaults.
 *
 * @param connectionString {@code amqp[s]://user:password@host:port/vhost}; wins over the separate fields
 * @param host the deprecated name of {@code connectionString}
 * @param protocol {@code amqp} or {@code amqps}; must match the connection string's scheme when both are set
 * @param hostname {@code host[:port]}, used without a connection string
 * @param username the user, used without a connection string
 * @param password the password, used without a connection string
 * @param consumerID names the queues ({@code <consumerID>-<topic>}); the app id when left out
 * @param durable exchanges and queues survive a broker restart
 * @param deletedWhenUnused exchanges and queues are deleted once their last consumer or binding is gone (Dapr's
 *     spelling); a queue auto-deleted with its last consumer takes its messages with it
 * @param autoAck the broker forgets a message once it sent it: a failed delivery is lost
 * @param requeueInFailure with {@code enableDeadLetter}, a failed message is requeued instead of dead-lettered
 * @param deliveryMode 2 publishes persistent messages; 0 or 1 transient ones
 * @param prefetchCount unacknowledged messages per subscription at most; 0 for no limit
 * @param reconnectWaitSeconds the pause before reconnecting after a loss (Dapr's key); 3s by default
 * @param reconnectWait the same, under the name Dapr's conformance configuration uses
 * @param concurrencyMode {@code parallel} (each message on its own thread) or {@code single} (in queue order)
 * @param enableDeadLetter each queue gets a dead-letter exchange {@code dlx-<queue>} and queue {@code dlq-<queue>}
 *     where failed messages go
 * @param maxLen the most messages a queue (and its dead-letter queue) holds
 * @param maxLenBytes the most bytes a queue (and its dead-letter queue) holds
 * @param exchangeKind {@code fanout}, {@code topic}, {@code direct} or {@code headers}
 * @param publisherConfirm publishing waits until the broker confirmed the message
 * @param ttlInSeconds the expiration of messages published without their own {@code ttlInSeconds}
 * @param clientName the connection name the broker shows
 * @param heartBeat the AMQP heartbeat
 * @param saslExternal authenticate with the TLS client certificate
 * @param caCert the PEM CA certificate for {@code amqps}
 * @param clientCert the PEM client certificate for mutual TLS
 * @param clientKey the PEM (PKCS#8) client key for mutual TLS
 * @param publishMessagePropertiesToMetadata pass message id, correlation id, type, content type and headers to the
 *     subscriber as {@code metadata.*}
 */
record RabbitMqPubSubMetadata(
        Optional<String> connectionString,
        Optional<String> host,
        Optional<String> protocol,
        @DefaultValue("localhost") String hostname,
        Optional<String> username,
        Optional<String> password,
        Optional<String> consumerID,
        @DefaultValue("true") boolean durable,
        @DefaultValue("true") boolean deletedWhenUnused,
        @DefaultValue("false") boolean autoAck,
        @DefaultValue("false") boolean requeueInFailure,
        @DefaultValue("0") int deliveryMode,
        @DefaultValue("0") int prefetchCount,
        Optional<Duration> reconnectWaitSeconds,
        Optional<Duration> reconnectWait,
        @DefaultValue("parallel") ConcurrencyMode concurrencyMode,
        @DefaultValue("false") boolean enableDeadLetter,
        Optional<Long> maxLen,
        Optional<Long> maxLenBytes,
        @DefaultValue("fanout") String exchangeKind,
        @DefaultValue("false") boolean publisherConfirm,
        Optional<Duration> ttlInSeconds,
        Optional<String> clientName,
        @DefaultValue("10s") Duration heartBeat,
        @DefaultValue("false") boolean saslExternal,
        Optional<String> caCert,
        Optional<String> clientCert,
        Optional<String> clientKey,
        @DefaultValue("false") boolean publishMessagePropertiesToMetadata) {

    private static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(3);
    private static final Set<String> EXCHANGE_KINDS = Set.of("fanout", "topic", "direct", "headers");

    /** Dapr's {@code concurrencyMode}. */
    enum ConcurrencyMode { SINGLE, PARALLEL }

    RabbitMqPubSubMetadata {
        if (deliveryMode < 0 || deliveryMode > 2) {
            throw new IllegalArgumentException("rabbitmq pub/sub error: invalid RabbitMQ delivery mode "
                    + deliveryMode + ", accepted values are between 0 and 2");
        }
        if (prefetchCount < 0 || prefetchCount > 65_535) {
            throw new IllegalArgumentException(
                    "metadata field 'prefetchCount': " + prefetchCount + " (expected: 0 to 65535)");
        }
        exchangeKind = exchangeKind.toLowerCase(Locale.ROOT);
        if (!EXCHANGE_KINDS.contains(exchangeKind)) {
            throw new IllegalArgumentException("rabbitmq pub/sub error: invalid RabbitMQ exchange kind " + exchangeKind);
        }
        maxLen.filter(n -> n < 0).ifPresent(n -> {
            throw new IllegalArgumentException("metadata field 'maxLen': " + n + " (expected: 0 or more)");
        });
        maxLenBytes.filter(n -> n < 0).ifPresent(n -> {
            throw new IllegalArgumentException("metadata field 'maxLenBytes': " + n + " (expected: 0 or more)");
        });
        ttlInSeconds.filter(ttl -> !ttl.isPositive()).ifPresent(ttl -> {
            throw new IllegalArgumentException("metadata field 'ttlInSeconds' must be higher than zero");
        });
        String connection = connectionString.or(() -> host).orElse("");
        if (!connection.isEmpty() && protocol.isPresent()
                && !RabbitMqEndpoint.scheme(connection).equals(protocol.get().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("rabbitmq pub/sub error: protocol does not match connection string,"
                    + " protocol: " + protocol.get() + ", connection string scheme: "
                    + RabbitMqEndpoint.scheme(connection));
        }
    }

    /** The queue of a subscription without its own {@code queueName}: {@code <consumerID>-<topic>}. */
    String queueName(String appId, String topic) {
        return consumerID.orElse(appId.isBlank() ? "daprj" : appId) + "-" + topic;
    }

    /** Where to connect, from the connection string or the separate fields. */
    RabbitMqEndpoint endpoint() {
        String uri = connectionString.or(() -> host).orElseGet(() -> RabbitMqEndpoint.uri(
                protocol.orElse("amqp").toLowerCase(Locale.ROOT), hostname, username, password));
        return new RabbitMqEndpoint(uri, caCert, clientCert, clientKey, saslExternal, heartBeat);
    }

    /** {@code reconnectWaitSeconds}, else {@code reconnectWait}, else 3s; at least 100 ms. */
    Duration reconnectPause() {
        return RabbitMqConnector.reconnectWait(reconnectWaitSeconds, reconnectWait, DEFAULT_RECONNECT_WAIT);
    }

    /** Where a failed message goes when the app's handler threw: see {@link RabbitMqPubSub}. */
    boolean requeuesFailures() {
        return !enableDeadLetter || requeueInFailure;
    }

    /** Dapr's {@code IsTruthy}: y, yes, true, t, on, 1 (any case). */
    static boolean truthy(String value) {
        return Set.of("y", "yes", "true", "t", "on", "1").contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
