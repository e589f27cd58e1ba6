package io.daprj.benchmarks;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * NATS JetStream through jnats: one file-backed stream per topic (named after it, subject = the topic), created before
 * anyone publishes, since Dapr's {@code pubsub.jetstream} expects the stream to exist; a durable consumer with explicit
 * acknowledgements, consumed with the client's push-style {@code consume}; {@code publishAsync} completes on the
 * stream's PubAck. The run's streams are deleted on close.
 */
final class JetStreamPubSubDirectDriver implements PubSubDirectDriver {

    private static final String DURABLE = "bench-direct";

    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final List<String> streams = new ArrayList<>();
    private final List<MessageConsumer> consumers = new ArrayList<>();

    JetStreamPubSubDirectDriver(String url) throws Exception {
        this.connection = Nats.connect(new Options.Builder().server(url).build());
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
    }

    @Override
    public void prepareTopic(String topic) throws Exception {
        if (!streams.contains(topic)) {
            management.addStream(StreamConfiguration.builder().name(topic).subjects(topic)
                    .storageType(StorageType.File).build());
            streams.add(topic);
        }
    }

    @Override
    public void subscribe(String topic, Consumer<byte[]> onMessage) throws Exception {
        prepareTopic(topic);
        ConsumerContext consumer = connection.getStreamContext(topic).createOrUpdateConsumer(
                ConsumerConfiguration.builder().durable(DURABLE).ackPolicy(AckPolicy.Explicit).build());
        consumers.add(consumer.consume(message -> {
            onMessage.accept(message.getData());
            message.ack();
        }));
    }

    @Override
    public CompletableFuture<?> publish(String topic, byte[] payload) {
        return jetStream.publishAsync(topic, payload);
    }

    @Override
    public void close() {
        try (Connection c = connection) {
            for (MessageConsumer consumer : consumers) {
                consumer.stop();
            }
            for (String stream : streams) {
                management.deleteStream(stream);
            }
        } catch (Exception e) {
            System.err.println("benchmarks: cleaning up JetStream failed: " + e);
        }
    }
}
