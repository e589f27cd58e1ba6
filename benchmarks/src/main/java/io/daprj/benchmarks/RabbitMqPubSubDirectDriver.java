package io.daprj.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * RabbitMQ through amqp-client, in Dapr's layout and with its defaults ({@code durable: false},
 * {@code deletedWhenUnused: true}): a fanout exchange named after the topic, a queue {@code <consumer>-<topic>} bound
 * to it, consumed with manual acknowledgements (prefetch 100). Publishing waits for publisher confirms, as the
 * component YAML of this benchmark asks of the sidecar ({@code publisherConfirm}). The sidecar path's exchanges are
 * left to the component, which declares them itself. Closing the connection cancels the consumers, which deletes
 * the queues and with their bindings the exchanges.
 */
final class RabbitMqPubSubDirectDriver implements PubSubDirectDriver {

    private static final String CONSUMER = "bench-direct";

    private final Connection connection;
    private final Channel publishing;
    private final NavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();

    RabbitMqPubSubDirectDriver(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        this.connection = factory.newConnection("daprj-bench-direct");
        this.publishing = connection.createChannel();
        publishing.confirmSelect();
        publishing.addConfirmListener((tag, multiple) -> settle(tag, multiple, null),
                (tag, multiple) -> settle(tag, multiple, new IOException("the broker nacked message " + tag)));
    }

    @Override
    public void subscribe(String topic, Consumer<byte[]> onMessage) throws IOException {
        declareExchange(topic);
        Channel channel = connection.createChannel();
        String queue = CONSUMER + "-" + topic;
        channel.queueDeclare(queue, false, false, true, Map.of());
        channel.queueBind(queue, topic, "");
        channel.basicQos(100);
        channel.basicConsume(queue, false, (tag, delivery) -> {
            onMessage.accept(delivery.getBody());
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }, tag -> { });
    }

    @Override
    public CompletableFuture<?> publish(String topic, byte[] payload) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        AMQP.BasicProperties properties = MessageProperties.MINIMAL_BASIC; // transient, as Dapr's default deliveryMode
        synchronized (publishing) { // a channel takes one publish at a time; the sequence number must match it
            long tag = publishing.getNextPublishSeqNo();
            unconfirmed.put(tag, confirmed);
            try {
                publishing.basicPublish(topic, "", properties, payload);
            } catch (IOException | RuntimeException e) {
                unconfirmed.remove(tag);
                confirmed.completeExceptionally(e);
            }
        }
        return confirmed;
    }

    private void settle(long tag, boolean multiple, Exception failure) {
        NavigableMap<Long, CompletableFuture<Void>> settled = multiple ? unconfirmed.headMap(tag, true)
                : unconfirmed.subMap(tag, true, tag, true);
        for (var it = settled.values().iterator(); it.hasNext(); ) {
            CompletableFuture<Void> future = it.next();
            it.remove();
            if (failure == null) {
                future.complete(null);
            } else {
                future.completeExceptionally(failure);
            }
        }
    }

    private void declareExchange(String topic) throws IOException {
        synchronized (publishing) {
            publishing.exchangeDeclare(topic, "fanout", false, true, Map.of());
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            System.err.println("benchmarks: closing the RabbitMQ connection failed: " + e);
        }
    }
}
