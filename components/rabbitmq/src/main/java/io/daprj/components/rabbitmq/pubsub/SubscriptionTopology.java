package io.daprj.components.rabbitmq.pubsub;

import com.rabbitmq.client.Channel;
import io.daprj.components.rabbitmq.MessageProperties;
import io.daprj.components.rabbitmq.QueueConsumer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dapr's layout for one subscription, declared again on every (re)subscribe: the topic's exchange (kind
 * {@code exchangeKind}), the queue bound to it once per {@code routingKey} (comma-separated; empty by default),
 * and with {@code enableDeadLetter} the dead-letter exchange {@code dlx-<queue>} (fanout, durable) and queue
 * {@code dlq-<queue>} (durable, lazy) that failed messages go to. Queue arguments: {@code maxLen},
 * {@code maxLenBytes} (component or subscription metadata), {@code maxPriority}, {@code queueType}
 * ({@code classic} by default, or {@code quorum}) and {@code singleActiveConsumer} from the subscription metadata.
 */
record SubscriptionTopology(RabbitMqPubSubMetadata component, String topic, String queue,
        Map<String, String> subscription) implements QueueConsumer.Topology {

    SubscriptionTopology {
        subscription = Map.copyOf(subscription);
    }

    /** Declares the topic's exchange as Dapr does (idempotent while the settings agree). */
    static void declareExchange(Channel channel, RabbitMqPubSubMetadata component, String topic) throws IOException {
        channel.exchangeDeclare(topic, component.exchangeKind(), component.durable(), component.deletedWhenUnused(),
                false, null);
    }

    @Override
    public String declare(Channel channel) throws IOException {
        declareExchange(channel, component, topic);
        Map<String, Object> arguments = queueArguments();
        if (component.enableDeadLetter()) {
            String dlx = "dlx-" + queue;
            String dlq = "dlq-" + queue;
            channel.exchangeDeclare(dlx, "fanout", true, component.deletedWhenUnused(), false, null);
            Map<String, Object> dlqArguments = lengthLimits(new HashMap<>());
            dlqArguments.put("x-queue-mode", "lazy");
            channel.queueDeclare(dlq, true, component.deletedWhenUnused(), false, dlqArguments);
            channel.queueBind(dlq, dlx, "");
            arguments.put("x-dead-letter-exchange", dlx);
        }
        channel.queueDeclare(queue, component.durable(), component.deletedWhenUnused(), false, arguments);
        for (String routingKey : MessageProperties.get(subscription, "routingKey").orElse("").split(",", -1)) {
            channel.queueBind(queue, topic, routingKey.trim());
        }
        return queue;
    }

    private Map<String, Object> queueArguments() {
        Map<String, Object> arguments = lengthLimits(new HashMap<>());
        unsigned("maxLen").ifPresent(n -> arguments.put("x-max-length", n));
        unsigned("maxLenBytes").ifPresent(n -> arguments.put("x-max-length-bytes", n));
        unsigned("maxPriority").ifPresent(n -> arguments.put("x-max-priority", (int) Math.min(n, 255)));
        String type = MessageProperties.get(subscription, "queueType").orElse("classic").toLowerCase(Locale.ROOT);
        if (!type.equals("classic") && !type.equals("quorum")) {
            throw new IllegalArgumentException(
                    "invalid queue type " + type + ". Valid types are classic and quorum");
        }
        arguments.put("x-queue-type", type);
        if (MessageProperties.get(subscription, "singleActiveConsumer").map(RabbitMqPubSubMetadata::truthy)
                .orElse(false)) {
            arguments.put("x-single-active-consumer", true);
        }
        return arguments;
    }

    private Map<String, Object> lengthLimits(Map<String, Object> arguments) {
        component.maxLen().filter(n -> n > 0).ifPresent(n -> arguments.put("x-max-length", n));
        component.maxLenBytes().filter(n -> n > 0).ifPresent(n -> arguments.put("x-max-length-bytes", n));
        return arguments;
    }

    private java.util.Optional<Long> unsigned(String key) {
        return MessageProperties.get(subscription, key).map(value -> {
            try {
                long n = Long.parseLong(value.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("subscription metadata '" + key + "' of topic " + topic + ": '"
                        + value + "' (expected: a whole number, 0 or more)");
            }
        });
    }
}
