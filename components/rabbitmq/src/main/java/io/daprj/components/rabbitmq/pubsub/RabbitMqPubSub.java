package io.daprj.components.rabbitmq.pubsub;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import io.daprj.components.rabbitmq.DeliveryMetadata;
import io.daprj.components.rabbitmq.MessageProperties;
import io.daprj.components.rabbitmq.QueueConsumer;
import io.daprj.components.rabbitmq.RabbitMqConnector;
import io.daprj.components.rabbitmq.RabbitMqEndpoint;
import io.daprj.components.rabbitmq.RabbitMqPublisher;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code pubsub.rabbitmq} in Dapr's layout, so daprj and daprd share exchanges and queues: a topic is an exchange
 * (fanout by default), a subscription is the queue {@code <consumerID>-<topic>} bound to it (or the subscription's
 * {@code queueName}), so the subscribers of one consumer id share a queue's messages and each consumer id gets every
 * message. Publishing declares the exchange and publishes with the request's {@code ttlInSeconds} as expiration,
 * {@code priority}, {@code routingKey} and message properties; with {@code publisherConfirm} it returns once the
 * broker confirmed.
 *
 * <p>Nothing acknowledged is lost: a message is acknowledged only after the handler returned. A handler that throws
 * gets its message rejected: with {@code enableDeadLetter} (and not {@code requeueInFailure}) it goes to
 * {@code dlq-<queue>}; otherwise it is requeued and delivered again (Dapr drops it in that case, see the package
 * notes). A lost connection is re-established after {@code reconnectWaitSeconds}; the subscriptions then declare
 * their topology and consume again, and whatever was not acknowledged comes again.
 *
 * <p>Thread safe: one connection; publishes borrow pooled channels, each subscription consumes on a channel of its
 * own. Calls block (callers are virtual threads).
 */
public final class RabbitMqPubSub implements PubSub {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private RabbitMqPubSubMetadata metadata;
    private String appId = "";
    private RabbitMqConnector connector;
    private RabbitMqPublisher publisher;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(RabbitMqPubSubMetadata.class);
        appId = componentMetadata.appId();
        RabbitMqEndpoint endpoint = metadata.endpoint();
        connector = new RabbitMqConnector(endpoint.factory(), endpoint.description(),
                metadata.clientName().orElse(null));
        connector.connect();
        publisher = new RabbitMqPublisher(connector, metadata.publisherConfirm(), metadata.reconnectPause());
    }

    /** Per-message expiration, as Dapr's RabbitMQ broker declares. */
    @Override
    public Set<PubSubFeature> features() {
        return Set.of(PubSubFeature.MESSAGE_TTL);
    }

    @Override
    public void publish(PublishRequest request) {
        AMQP.BasicProperties properties = MessageProperties.of(request.metadata(), request.contentType(),
                metadata.deliveryMode(), metadata.ttlInSeconds());
        String routingKey = MessageProperties.get(request.metadata(), "routingKey").orElse("");
        publisher.publish(request.topic(), routingKey, properties, request.data(), "exchange " + request.topic(),
                channel -> SubscriptionTopology.declareExchange(channel, metadata, request.topic()));
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        String topic = request.topic();
        String queue = MessageProperties.get(request.metadata(), "queueName")
                .orElseGet(() -> metadata.queueName(appId, topic));
        SubscriptionTopology topology = new SubscriptionTopology(metadata, topic, queue, request.metadata());
        QueueConsumer.Options options = new QueueConsumer.Options(queue, metadata.prefetchCount(), metadata.autoAck(),
                metadata.concurrencyMode() == RabbitMqPubSubMetadata.ConcurrencyMode.PARALLEL,
                metadata.requeuesFailures(), metadata.reconnectPause());
        QueueConsumer consumer = QueueConsumer.start(connector, topology, options,
                delivery -> handler.handle(message(topic, delivery)));
        Subscription[] self = new Subscription[1];
        self[0] = () -> {
            subscriptions.remove(self[0]);
            consumer.close();
        };
        subscriptions.add(self[0]);
        return self[0];
    }

    private Message message(String topic, Delivery delivery) {
        Map<String, String> properties = metadata.publishMessagePropertiesToMetadata()
                ? DeliveryMetadata.prefixed(delivery) : Map.of();
        return new Message(topic, delivery.getBody(), Optional.empty(), new HashMap<>(properties));
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        if (connector != null) {
            connector.close();
        }
    }
}
