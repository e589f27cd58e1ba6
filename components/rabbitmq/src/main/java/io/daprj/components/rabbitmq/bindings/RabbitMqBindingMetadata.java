package io.daprj.components.rabbitmq.bindings;

import io.daprj.components.rabbitmq.RabbitMqConnector;
import io.daprj.components.rabbitmq.RabbitMqEndpoint;
import io.daprj.spi.DefaultValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.rabbitmq}, with Dapr's names and defaults. The queue's message TTL is
 * Dapr's {@code ttl} / {@code ttlInSeconds}, read apart (see {@link RabbitMqBinding}).
 *
 * @param host {@code amqp[s]://user:password@host:port/vhost}, required
 * @param queueName the queue read from and published to, required
 * @param exclusive the queue belongs to this connection only
 * @param durable the queue survives a broker restart
 * @param deleteWhenUnused the queue is deleted once its last consumer is gone
 * @param prefetchCount unacknowledged messages at most; 0 for no limit
 * @param maxPriority makes the queue a priority queue with priorities up to this (1–255)
 * @param contentType the content type of published messages when the request names none
 * @param reconnectWaitInSeconds the pause before reconnecting after a loss (Dapr's key); 5s by default
 * @param reconnectWait the same, under a shorter name
 * @param caCert the PEM CA certificate for {@code amqps}
 * @param clientCert the PEM client certificate for mutual TLS
 * @param clientKey the PEM (PKCS#8) client key for mutual TLS
 * @param externalSasl authenticate with the TLS client certificate (also read as {@code saslExternal})
 * @param saslExternal the spelling Dapr's code reads
 */
record RabbitMqBindingMetadata(
        String host,
        String queueName,
        @DefaultValue("false") boolean exclusive,
        @DefaultValue("false") boolean durable,
        @DefaultValue("false") boolean deleteWhenUnused,
        @DefaultValue("0") int prefetchCount,
        Optional<Long> maxPriority,
        @DefaultValue("text/plain") String contentType,
        Optional<Duration> reconnectWaitInSeconds,
        Optional<Duration> reconnectWait,
        Optional<String> caCert,
        Optional<String> clientCert,
        Optional<String> clientKey,
        Optional<Boolean> externalSasl,
        Optional<Boolean> saslExternal) {

    private static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    RabbitMqBindingMetadata {
        if (prefetchCount < 0 || prefetchCount > 65_535) {
            throw new IllegalArgumentException(
                    "metadata field 'prefetchCount': " + prefetchCount + " (expected: 0 to 65535)");
        }
        maxPriority.filter(n -> n < 0).ifPresent(n -> {
            throw new IllegalArgumentException("can't parse maxPriority field: " + n + " (expected: 1 to 255)");
        });
    }

    RabbitMqEndpoint endpoint() {
        return new RabbitMqEndpoint(host, caCert, clientCert, clientKey,
                externalSasl.or(() -> saslExternal).orElse(false), HEARTBEAT);
    }

    /** {@code reconnectWaitInSeconds}, else {@code reconnectWait}, else 5s; at least 100 ms. */
    Duration reconnectPause() {
        return RabbitMqConnector.reconnectWait(reconnectWaitInSeconds, reconnectWait, DEFAULT_RECONNECT_WAIT);
    }

    /** The queue's arguments: {@code x-message-ttl} from the TTL, {@code x-max-priority} (at most 255). */
    static Map<String, Object> queueArguments(Optional<Duration> ttl, Optional<Long> maxPriority) {
        Map<String, Object> arguments = new java.util.HashMap<>();
        ttl.ifPresent(t -> arguments.put("x-message-ttl", t.toMillis()));
        maxPriority.ifPresent(p -> arguments.put("x-max-priority", (int) Math.min(p, 255)));
        return arguments;
    }
}
