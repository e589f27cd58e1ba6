package io.daprj.components.nats.pubsub;

import io.daprj.components.nats.pubsub.JetStreamPubSubMetadata.Concurrency;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.Subscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of the JetStream broker: a push subscription bound to the consumer Dapr's way of subscribing
 * created, on a dispatcher of its own. With {@code concurrency: single} the dispatcher's thread runs the handler, one
 * message at a time in stream order; with {@code parallel} each message gets a virtual thread. A message is acked once
 * the handler returned and nak'ed when it threw (after {@code ackWait} when that is set, as Dapr does), so JetStream
 * delivers it again until {@code maxDeliver}. Closing unsubscribes, waits for running handlers and leaves a durable
 * consumer in place with its unacknowledged messages.
 */
final class JetStreamTopicSubscription implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(JetStreamTopicSubscription.class);

    private final Connection connection;
    private final Dispatcher dispatcher;
    private final JetStreamSubscription subscription;
    private final String topic;
    private final JetStreamPubSubMetadata metadata;
    private final MessageHandler handler;
    private final Runnable onClose;
    /** One party for {@link #close} plus one per running handler call. */
    private final Phaser running = new Phaser(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    JetStreamTopicSubscription(Connection connection, JetStream jetStream, String stream, ConsumerInfo consumer,
            String topic, JetStreamPubSubMetadata metadata, MessageHandler handler, Runnable onClose) {
        this.connection = connection;
        this.topic = topic;
        this.metadata = metadata;
        this.handler = handler;
        this.onClose = onClose;
        this.dispatcher = connection.createDispatcher();
        PushSubscribeOptions bound = PushSubscribeOptions.builder().stream(stream).name(consumer.getName()).bind(true)
                .build();
        try {
            this.subscription = metadata.queueGroupName().isPresent()
                    ? jetStream.subscribe(topic, metadata.queueGroupName().get(), dispatcher, this::onMessage, false,
                            bound)
                    : jetStream.subscribe(topic, dispatcher, this::onMessage, false, bound);
        } catch (IOException | JetStreamApiException | IllegalArgumentException e) {
            connection.closeDispatcher(dispatcher);
            throw new IllegalStateException("nats: subscribing to " + topic + " on stream " + stream + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void onMessage(io.nats.client.Message message) {
        running.register();
        if (closed.get()) {
            running.arriveAndDeregister();
            settle(message, false); // delivered after close began: let it come again now rather than after ackWait
            return;
        }
        if (metadata.concurrency() == Concurrency.PARALLEL) {
            Thread.ofVirtual().name("daprj-jetstream-handler").start(() -> deliver(message));
        } else {
            deliver(message);
        }
    }

    /** Runs the handler for a message this subscription registered as running, then acks or naks it. */
    private void deliver(io.nats.client.Message message) {
        try {
            byte[] data = message.getData() == null ? new byte[0] : message.getData();
            handler.handle(new Message(topic, data, Optional.empty(), Map.of("Topic", message.getSubject())));
            settle(message, true);
        } catch (Exception e) {
            log.debug("JetStream message of {} failed and will come again: {}", topic, e.toString());
            settle(message, false);
        } finally {
            running.arriveAndDeregister();
        }
    }

    private void settle(io.nats.client.Message message, boolean accepted) {
        if (!metadata.acknowledges()) {
            return;
        }
        try {
            if (accepted) {
                message.ack();
            } else if (metadata.ackWait().filter(d -> d.isPositive()).isPresent()) {
                message.nakWithDelay(metadata.ackWait().get());
            } else {
                message.nak();
            }
        } catch (RuntimeException e) {
            // the server redelivers it after ackWait all the same
            log.warn("could not " + (accepted ? "ack" : "nak") + " a JetStream message of " + topic
                    + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.run();
        try {
            dispatcher.unsubscribe(subscription);
        } catch (RuntimeException e) {
            log.debug("unsubscribing from {}: {}", topic, e.getMessage());
        }
        running.arriveAndAwaitAdvance(); // every running handler call has arrived
        try {
            connection.closeDispatcher(dispatcher);
        } catch (RuntimeException e) {
            log.debug("closing the dispatcher of {}: {}", topic, e.getMessage());
        }
    }
}
