package io.daprj.components.kafka;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The component metadata shared by {@code pubsub.kafka} and {@code bindings.kafka}, with Dapr's names and defaults.
 * Dapr options not listed (schema registry, OIDC, AWS IAM, TLS certificates, header escaping) are not supported;
 * {@code authType} other than {@code none} fails init naming what is supported.
 *
 * @param brokers comma-separated {@code host:port} list
 * @param consumerGroup the consumer group; {@code consumerID}, then the app id when left out
 * @param consumerID the runtime's consumer id, used when {@code consumerGroup} is not set (as in Dapr)
 * @param clientID sent to the brokers with every request
 * @param authType {@code none} (required, as in Dapr)
 * @param initialOffset where a consumer group without committed offsets starts: {@code newest} or {@code oldest}
 * @param maxMessageBytes the largest request the producer sends (Kafka's {@code max.request.size})
 * @param consumeRetryInterval pause before a failed message is delivered again; a bare number means milliseconds
 * @param consumeRetryEnabled when false a message the handler refused is skipped (logged), as Dapr's binding does
 * @param version the Kafka version Dapr's client pins; the Java client negotiates versions itself, so only checked
 * @param disableTls kept for Dapr's YAML; with {@code authType: none} Dapr speaks plaintext either way
 * @param consumerFetchMin Kafka's {@code fetch.min.bytes}
 * @param consumerFetchDefault Kafka's {@code max.partition.fetch.bytes}
 * @param channelBufferSize how many messages one poll takes at most ({@code max.poll.records})
 * @param heartbeatInterval the consumer group heartbeat
 * @param sessionTimeout how long the group waits for a silent consumer before giving its partitions away
 * @param consumerGroupRebalanceStrategy {@code range}, {@code sticky} or {@code roundrobin}
 * @param producerRequiredAcks {@code all}, {@code local} (leader only) or {@code none}
 * @param producerRetryMax how often the producer retries a failed send
 * @param compression {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd}
 * @param dialTimeout how long connecting to a broker may take; also bounds init's first contact
 */
public record KafkaMetadata(
        String brokers,
        Optional<String> consumerGroup,
        Optional<String> consumerID,
        @DefaultValue("daprj") String clientID,
        String authType,
        @DefaultValue("newest") InitialOffset initialOffset,
        Optional<Integer> maxMessageBytes,
        @DefaultValue("100ms") String consumeRetryInterval,
        @DefaultValue("true") boolean consumeRetryEnabled,
        @DefaultValue("2.0.0.0") String version,
        @DefaultValue("false") boolean disableTls,
        @DefaultValue("1") int consumerFetchMin,
        @DefaultValue("1048576") int consumerFetchDefault,
        @DefaultValue("256") int channelBufferSize,
        @DefaultValue("3s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("range") RebalanceStrategy consumerGroupRebalanceStrategy,
        @DefaultValue("all") RequiredAcks producerRequiredAcks,
        @DefaultValue("5") int producerRetryMax,
        @DefaultValue("none") Compression compression,
        @DefaultValue("30s") Duration dialTimeout) {

    /** Dapr's {@code initialOffset} values. */
    public enum InitialOffset {
        NEWEST("latest"), OLDEST("earliest");

        final String kafkaName;

        InitialOffset(String kafkaName) {
            this.kafkaName = kafkaName;
        }
    }

    /** Dapr's {@code consumerGroupRebalanceStrategy} values and the Java client's assignors. */
    public enum RebalanceStrategy {
        RANGE("org.apache.kafka.clients.consumer.RangeAssignor"),
        STICKY("org.apache.kafka.clients.consumer.StickyAssignor"),
        ROUNDROBIN("org.apache.kafka.clients.consumer.RoundRobinAssignor");

        final String assignor;

        RebalanceStrategy(String assignor) {
            this.assignor = assignor;
        }
    }

    /** Dapr's {@code producerRequiredAcks} values and Kafka's {@code acks}. */
    public enum RequiredAcks {
        ALL("all"), LOCAL("1"), NONE("0");

        final String acks;

        RequiredAcks(String acks) {
            this.acks = acks;
        }
    }

    /** Dapr's {@code compression} values, which are Kafka's {@code compression.type} names. */
    public enum Compression { NONE, GZIP, SNAPPY, LZ4, ZSTD }

    public KafkaMetadata {
        if (brokerList(brokers).isEmpty()) {
            throw new IllegalArgumentException("metadata field 'brokers': '" + brokers
                    + "' (expected: host:port, comma-separated, e.g. localhost:9092)");
        }
        if (!authType.equalsIgnoreCase("none")) {
            throw new IllegalArgumentException("metadata field 'authType': '" + authType
                    + "' (expected: none; password, mtls, oidc, certificate and awsiam are not supported yet)");
        }
        if (!version.matches("\\d+\\.\\d+\\.\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(
                    "metadata field 'version': '" + version + "' (expected: a Kafka version such as 2.0.0.0)");
        }
        retryInterval(consumeRetryInterval);
        requirePositive("consumerFetchMin", consumerFetchMin);
        requirePositive("consumerFetchDefault", consumerFetchDefault);
        requirePositive("channelBufferSize", channelBufferSize);
        if (producerRetryMax < 0) {
            throw new IllegalArgumentException(
                    "metadata field 'producerRetryMax': " + producerRetryMax + " (expected: 0 or more)");
        }
        maxMessageBytes.ifPresent(n -> requirePositive("maxMessageBytes", n));
        requirePositive("heartbeatInterval", heartbeatInterval.toMillis());
        requirePositive("dialTimeout", dialTimeout.toMillis());
        if (sessionTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("metadata field 'sessionTimeout': " + GoDuration.format(sessionTimeout)
                    + " (expected: longer than heartbeatInterval " + GoDuration.format(heartbeatInterval) + ")");
        }
    }

    /** Binds and checks the metadata of {@code component}. */
    public static KafkaMetadata of(ComponentMetadata component) {
        return component.bind(KafkaMetadata.class);
    }

    /** The brokers as Kafka's {@code bootstrap.servers} wants them. */
    public String bootstrapServers() {
        return String.join(",", brokerList(brokers));
    }

    /** The consumer group: {@code consumerGroup}, else {@code consumerID}, else the app id, else {@code daprj}. */
    public String group(String appId) {
        return consumerGroup.or(() -> consumerID).orElse(appId.isBlank() ? "daprj" : appId);
    }

    /** {@code consumeRetryInterval} as a duration. */
    public Duration retryInterval() {
        return retryInterval(consumeRetryInterval);
    }

    private static Duration retryInterval(String raw) {
        try {
            // Dapr reads a bare number as milliseconds here, unlike its other durations
            Duration d = raw.trim().matches("\\d+") ? Duration.ofMillis(Long.parseLong(raw.trim())) : GoDuration.parse(raw);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metadata field 'consumeRetryInterval': '" + raw
                    + "' (expected: a duration such as 100ms, or a number of milliseconds)", e);
        }
    }

    private static List<String> brokerList(String brokers) {
        List<String> list = Arrays.stream(brokers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return list.stream().allMatch(b -> b.matches("(\\[[0-9a-fA-F:.]+]|[^:\\[\\]/\\s]+):\\d{1,5}")) ? list : List.of();
    }

    private static void requirePositive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("metadata field '" + field + "': " + value + " (expected: 1 or more)");
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
