package io.daprj.components.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * This machine's RabbitMQ (127.0.0.1:5672, guest/guest) seen by the tests through a connection of their own: unique
 * names, raw reads of queues, clean-up. Each call opens a channel, so a failed call (a passive declare of a missing
 * queue) leaves the others unharmed.
 */
public final class RabbitMqTestBroker implements AutoCloseable {

    public static final String URI = "amqp://guest:guest@127.0.0.1:5672";

    private final Connection connection;

    public RabbitMqTestBroker() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(URI);
            connection = factory.newConnection("daprj-test");
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ is not reachable at " + URI + ": " + e.getMessage(), e);
        }
    }

    /** A name no other test run uses, starting with {@code prefix}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Something to do on a fresh channel. */
    @FunctionalInterface
    public interface ChannelWork<T> {
        T run(Channel channel) throws IOException;
    }

    /** Runs {@code work} on a channel of its own, closed afterwards. */
    public <T> T on(ChannelWork<T> work) {
        try (Channel channel = connection.createChannel()) {
            return work.run(channel);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(RabbitMqConnector.message(e), e);
        }
    }

    /** The ready messages of {@code queue} (not those delivered and unacknowledged). */
    public int messageCount(String queue) {
        return on(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    /** True when {@code queue} exists. */
    public boolean queueExists(String queue) {
        try {
            on(channel -> channel.queueDeclarePassive(queue));
            return true;
        } catch (IllegalStateException | com.rabbitmq.client.ShutdownSignalException e) {
            return false;
        }
    }

    /** Takes (and acknowledges) the next message of {@code queue}, if there is one. */
    public Optional<GetResponse> take(String queue) {
        return Optional.ofNullable(on(channel -> channel.basicGet(queue, true)));
    }

    /** Deletes queues and exchanges that may exist; missing ones are fine. */
    public void delete(String... queuesAndExchanges) {
        for (String name : queuesAndExchanges) {
            on(channel -> channel.queueDelete(name));
            on(channel -> channel.exchangeDelete(name));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the broker drops it anyway
        }
    }
}
