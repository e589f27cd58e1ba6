package io.daprj.components.rabbitmq.bindings;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.daprj.components.rabbitmq.DeliveryMetadata;
import io.daprj.components.rabbitmq.MessageProperties;
import io.daprj.components.rabbitmq.QueueConsumer;
import io.daprj.components.rabbitmq.RabbitMqConnector;
import io.daprj.components.rabbitmq.RabbitMqEndpoint;
import io.daprj.components.rabbitmq.RabbitMqPublisher;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.InputBinding;
import io.daprj.spi.bindings.OutputBinding;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * {@code bindings.rabbitmq}: one queue, {@code queueName}, declared at init with Dapr's settings (durable,
 * auto-delete, exclusive, {@code x-message-ttl} from {@code ttlInSeconds}, {@code x-max-priority} from
 * {@code maxPriority}).
 *
 * <p>Output: {@code create} publishes the data to the queue (default exchange), persistent, with the request
 * metadata as headers, its {@code ttlInSeconds} as expiration and its {@code priority}; it returns once the broker
 * confirmed the message. Input: the queue's messages go to the app one at a time, with their string headers as
 * metadata; a message is acknowledged only after the app took it, and one the app refused is requeued (after a
 * short pause) and delivered again. A lost connection is re-established after {@code reconnectWaitInSeconds}.
 *
 * <p>Thread safe; calls block (virtual threads).
 */
public final class RabbitMqBinding implements InputBinding, OutputBinding {

    private static final int PERSISTENT = 2;

    private final List<QueueConsumer> consumers = new CopyOnWriteArrayList<>();
    private RabbitMqBindingMetadata metadata;
    private Optional<Duration> ttl = Optional.empty();
    private RabbitMqConnector connector;
    private RabbitMqPublisher publisher;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(RabbitMqBindingMetadata.class);
        ttl = MessageProperties.ttl(componentMetadata.properties());
        RabbitMqEndpoint endpoint = metadata.endpoint();
        connector = new RabbitMqConnector(endpoint.factory(), endpoint.description(), null);
        connector.connect();
        publisher = new RabbitMqPublisher(connector, true, metadata.reconnectPause());
        Channel channel = null;
        try {
            channel = connector.openChannel();
            declareQueue(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            close();
            throw new IllegalStateException("rabbitmq binding: declaring queue " + metadata.queueName() + " failed: "
                    + RabbitMqConnector.message(e), e);
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    private String declareQueue(Channel channel) throws IOException {
        channel.queueDeclare(metadata.queueName(), metadata.durable(), metadata.deleteWhenUnused(),
                metadata.exclusive(), RabbitMqBindingMetadata.queueArguments(ttl, metadata.maxPriority()));
        return metadata.queueName();
    }

    @Override
    public List<String> operations() {
        return List.of("create");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> requestMetadata) {
        if (!operation.equals("create")) {
            throw new BindingInvokeException("unsupported operation " + operation, Map.of());
        }
        AMQP.BasicProperties properties;
        try {
            properties = MessageProperties.of(requestMetadata, metadata.contentType(), PERSISTENT, Optional.empty())
                    .builder().headers(new HashMap<>(requestMetadata)).build();
        } catch (IllegalArgumentException e) {
            throw new BindingInvokeException(e.getMessage(), Map.of());
        }
        try {
            publisher.publish("", metadata.queueName(), properties, data, "queue", this::declareQueue);
        } catch (IllegalStateException e) {
            throw new BindingInvokeException("failed to publish message: " + e.getMessage(), Map.of());
        }
        return Optional.empty();
    }

    @Override
    public Reading read(BindingEventHandler handler) {
        QueueConsumer.Options options = new QueueConsumer.Options(metadata.queueName(), metadata.prefetchCount(),
                false, false, true, metadata.reconnectPause());
        QueueConsumer consumer = QueueConsumer.start(connector, this::declareQueue, options,
                delivery -> handler.handle(new BindingEvent(delivery.getBody(),
                        DeliveryMetadata.stringHeaders(delivery))));
        consumers.add(consumer);
        return () -> {
            consumers.remove(consumer);
            consumer.close();
        };
    }

    @Override
    public void close() {
        consumers.forEach(QueueConsumer::close);
        consumers.clear();
        if (connector != null) {
            connector.close();
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.abort();
        } catch (IOException | RuntimeException e) {
            // gone either way
        }
    }
}
