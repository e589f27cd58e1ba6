package io.daprj.components.nats.pubsub;

import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata of {@code pubsub.jetstream}, with Dapr's names and defaults. The consumer fields map one to
 * one onto JetStream's consumer configuration; 0 or absent leaves the server's default.
 *
 * @param natsURL the server, e.g. {@code nats://localhost:4222}
 * @param jwt the user JWT, used with {@code seedKey} (decentralised auth)
 * @param seedKey the user's NKey seed that signs the server's nonce
 * @param token an auth token, when no JWT is given
 * @param tls_client_cert client certificate auth; not supported yet, init fails when set
 * @param tls_client_key the key of {@code tls_client_cert}; not supported yet
 * @param name the connection name the server shows
 * @param streamName the stream the consumers are created on; looked up by the topic when absent
 * @param durableName the durable consumer name; consumers are ephemeral when absent
 * @param queueGroupName the deliver group: subscribers sharing it share the messages
 * @param startSequence first stream sequence to deliver, with {@code deliverPolicy: sequence}
 * @param startTime first message time (Unix seconds), with {@code deliverPolicy: time}
 * @param flowControl server flow control of the push consumer; needs {@code heartbeat}
 * @param ackWait how long the server waits for an ack before redelivering; also the delay of a nak, as in Dapr
 * @param maxDeliver how often a message is delivered at most
 * @param backOff redelivery delays of the consumer, e.g. {@code [1s, 2s, 4s]} or {@code 1s,2s}
 * @param maxAckPending how many messages may be unacknowledged at once
 * @param replicas replicas of the consumer state
 * @param memoryStorage keep the consumer state in memory
 * @param rateLimit delivery rate limit in bits per second
 * @param heartbeat idle heartbeat interval of the push consumer
 * @param deliverPolicy all, last, new, sequence or time
 * @param ackPolicy explicit, all or none
 * @param domain the JetStream domain
 * @param apiPrefix the JetStream API prefix
 * @param concurrency {@code single}: one message at a time per subscription, in stream order; {@code parallel}: each
 *     message on a virtual thread of its own
 */
record JetStreamPubSubMetadata(
        String natsURL,
        Optional<String> jwt,
        Optional<String> seedKey,
        Optional<String> token,
        Optional<String> tls_client_cert,
        Optional<String> tls_client_key,
        @DefaultValue("dapr.io - pubsub.jetstream") String name,
        Optional<String> streamName,
        Optional<String> durableName,
        Optional<String> queueGroupName,
        Optional<Long> startSequence,
        Optional<Long> startTime,
        @DefaultValue("false") boolean flowControl,
        Optional<Duration> ackWait,
        Optional<Long> maxDeliver,
        Optional<String> backOff,
        Optional<Long> maxAckPending,
        Optional<Integer> replicas,
        @DefaultValue("false") boolean memoryStorage,
        Optional<Long> rateLimit,
        Optional<Duration> heartbeat,
        @DefaultValue("all") Deliver deliverPolicy,
        @DefaultValue("explicit") Ack ackPolicy,
        Optional<String> domain,
        Optional<String> apiPrefix,
        @DefaultValue("single") Concurrency concurrency) {

    /** Dapr's spellings of JetStream's deliver policies. */
    enum Deliver {
        ALL(DeliverPolicy.All), LAST(DeliverPolicy.Last), NEW(DeliverPolicy.New),
        SEQUENCE(DeliverPolicy.ByStartSequence), TIME(DeliverPolicy.ByStartTime);

        final DeliverPolicy policy;

        Deliver(DeliverPolicy policy) {
            this.policy = policy;
        }
    }

    /** Dapr's spellings of JetStream's ack policies. */
    enum Ack {
        EXPLICIT(AckPolicy.Explicit), ALL(AckPolicy.All), NONE(AckPolicy.None);

        final AckPolicy policy;

        Ack(AckPolicy policy) {
            this.policy = policy;
        }
    }

    /** Dapr's pub/sub {@code concurrency} modes. */
    enum Concurrency { SINGLE, PARALLEL }

    JetStreamPubSubMetadata {
        if (jwt.isPresent() != seedKey.isPresent()) {
            throw new IllegalArgumentException(jwt.isPresent() ? "metadata field 'seedKey' is required with 'jwt'"
                    : "metadata field 'jwt' is required with 'seedKey'");
        }
        if (tls_client_cert.isPresent() || tls_client_key.isPresent()) {
            throw new IllegalArgumentException("metadata fields 'tls_client_cert' / 'tls_client_key': TLS client"
                    + " authentication is not supported yet (expected: jwt + seedKey, token, or none)");
        }
        if (deliverPolicy == Deliver.SEQUENCE != startSequence.filter(s -> s > 0).isPresent()) {
            throw new IllegalArgumentException("metadata fields 'deliverPolicy' and 'startSequence': a start sequence"
                    + " goes with deliverPolicy sequence, and only with it (got deliverPolicy "
                    + deliverPolicy.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (deliverPolicy == Deliver.TIME != startTime.isPresent()) {
            throw new IllegalArgumentException("metadata fields 'deliverPolicy' and 'startTime': a start time goes"
                    + " with deliverPolicy time, and only with it (got deliverPolicy "
                    + deliverPolicy.name().toLowerCase(Locale.ROOT) + ")");
        }
        if (flowControl && heartbeat.filter(Duration::isPositive).isEmpty()) {
            throw new IllegalArgumentException(
                    "metadata field 'flowControl': true needs 'heartbeat' (JetStream sends flow control with heartbeats)");
        }
        backOffDelays(backOff);
    }

    /** The consumer Dapr creates for {@code topic}: a push consumer delivering to {@code deliverSubject}. */
    ConsumerConfiguration consumer(String topic, String deliverSubject) {
        ConsumerConfiguration.Builder b = ConsumerConfiguration.builder()
                .deliverSubject(deliverSubject)
                .filterSubject(topic)
                .deliverPolicy(deliverPolicy.policy)
                .ackPolicy(ackPolicy.policy)
                .memStorage(memoryStorage ? Boolean.TRUE : null);
        durableName.ifPresent(b::durable);
        queueGroupName.ifPresent(b::deliverGroup);
        startSequence.ifPresent(b::startSequence);
        startTime.ifPresent(t -> b.startTime(Instant.ofEpochSecond(t).atZone(ZoneOffset.UTC)));
        ackWait.filter(Duration::isPositive).ifPresent(b::ackWait);
        maxDeliver.filter(n -> n != 0).ifPresent(b::maxDeliver);
        maxAckPending.filter(n -> n != 0).ifPresent(b::maxAckPending);
        replicas.filter(n -> n != 0).ifPresent(b::numReplicas);
        rateLimit.filter(n -> n != 0).ifPresent(b::rateLimit);
        List<Duration> delays = backOffDelays(backOff);
        if (!delays.isEmpty()) {
            b.backoff(delays.toArray(Duration[]::new));
        }
        heartbeat.filter(Duration::isPositive).ifPresent(hb -> {
            if (flowControl) {
                b.flowControl(hb);
            } else {
                b.idleHeartbeat(hb);
            }
        });
        return b.build();
    }

    /** True when messages are acknowledged at all (not {@code ackPolicy: none}). */
    boolean acknowledges() {
        return ackPolicy != Ack.NONE;
    }

    private static List<Duration> backOffDelays(Optional<String> backOff) {
        if (backOff.isEmpty()) {
            return List.of();
        }
        String list = backOff.get().trim();
        if (list.startsWith("[") && list.endsWith("]")) {
            list = list.substring(1, list.length() - 1);
        }
        try {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(GoDuration::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata field 'backOff': '" + backOff.get()
                    + "' (expected: durations such as [1s, 2s, 4s])", e);
        }
    }
}
