package io.daprj.components.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.daprj.spi.GoDuration;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The AMQP properties of a published message from Dapr's request metadata: {@code ttl} / {@code ttlInSeconds} (a Go
 * duration or a number of seconds) as the per-message expiration, {@code priority} (0–255), and {@code contentType},
 * {@code messageID}, {@code correlationID}, {@code type} as the properties of those names. Keys match
 * case-insensitively, as in Dapr.
 */
public final class MessageProperties {

    private MessageProperties() {}

    /**
     * @param metadata the request metadata
     * @param contentType the content type when the metadata names none
     * @param deliveryMode 2 for persistent, 0 or 1 for transient
     * @param defaultTtl the expiration when the metadata names none
     * @throws IllegalArgumentException for a malformed {@code ttl} or {@code priority}
     */
    public static AMQP.BasicProperties of(Map<String, String> metadata, String contentType, int deliveryMode,
            Optional<Duration> defaultTtl) {
        AMQP.BasicProperties.Builder props = new AMQP.BasicProperties.Builder()
                .contentType(get(metadata, "contentType").orElse(contentType));
        if (deliveryMode > 0) {
            props.deliveryMode(deliveryMode);
        }
        ttl(metadata).or(() -> defaultTtl).ifPresent(ttl -> props.expiration(Long.toString(ttl.toMillis())));
        priority(metadata).ifPresent(props::priority);
        get(metadata, "messageID").ifPresent(props::messageId);
        get(metadata, "correlationID").ifPresent(props::correlationId);
        get(metadata, "type").ifPresent(props::type);
        return props.build();
    }

    /** Dapr's {@code ttl} / {@code ttlInSeconds}: a Go duration, or a whole number of seconds above zero. */
    public static Optional<Duration> ttl(Map<String, String> metadata) {
        Optional<String> raw = get(metadata, "ttl").or(() -> get(metadata, "ttlInSeconds"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get();
        if (value.matches("-?\\d+") && Long.parseLong(value) <= 0) {
            throw new IllegalArgumentException("ttlInSeconds value must be higher than zero: actual is '" + value + "'");
        }
        try {
            Duration ttl = GoDuration.parse(value);
            return Optional.of(ttl.isNegative() ? Duration.ZERO : ttl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ttlInSeconds value must be a valid integer: actual is '" + value + "'");
        }
    }

    /** Dapr's {@code priority}: an integer, clamped to 0–255. */
    static Optional<Integer> priority(Map<String, String> metadata) {
        return get(metadata, "priority").map(value -> {
            try {
                return Math.clamp(Long.parseLong(value), 0, 255);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("priority value must be a valid integer: actual is '" + value + "'");
            }
        });
    }

    /** The non-blank value of {@code key}, matched case-insensitively. */
    public static Optional<String> get(Map<String, String> metadata, String key) {
        String exact = metadata.get(key);
        if (exact != null && !exact.isBlank()) {
            return Optional.of(exact);
        }
        return metadata.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key) && e.getValue() != null && !e.getValue().isBlank())
                .map(Map.Entry::getValue).findFirst();
    }
}
