package io.daprj.components.nats.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code pubsub.jetstream}: NATS JetStream as Dapr uses it, so daprd and daprj share streams and consumers. A topic is
 * a subject; publishing stores the message in the stream that holds the subject, with the CloudEvent id as
 * {@code Nats-Msg-Id} for the stream's de-duplication. The stream must exist (created by the operator, as Dapr expects):
 * its name is {@code streamName}, or looked up by the topic. A subscription creates (or updates) a push consumer on it
 * filtered to the topic — durable when {@code durableName} is set, so a restarted sidecar resumes where it stopped —
 * and acknowledges a message only after the handler returned; a failed message is nak'ed and comes again.
 *
 * <p>Thread safe: one connection serves publishing and every subscription; each subscription has a dispatcher of its
 * own, so a slow topic does not hold up the others. Calls block (callers are virtual threads).
 */
public final class JetStreamPubSub implements PubSub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JetStreamTopicSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private JetStreamPubSubMetadata metadata;
    private Connection connection;
    private JetStream jetStream;
    private JetStreamManagement management;

    @Override
    public void init(ComponentMetadata componentMetadata) throws InterruptedException {
        metadata = componentMetadata.bind(JetStreamPubSubMetadata.class);
        Options.Builder options = Options.builder().server(metadata.natsURL()).connectionName(metadata.name());
        if (metadata.jwt().isPresent()) {
            options.authHandler(Nats.staticCredentials(metadata.jwt().get().toCharArray(),
                    metadata.seedKey().orElseThrow().toCharArray()));
        } else {
            metadata.token().ifPresent(token -> options.token(token.toCharArray()));
        }
        try {
            connection = Nats.connect(options.build());
        } catch (IOException e) {
            throw new IllegalStateException("nats: error connecting to " + metadata.natsURL() + ": " + e.getMessage(), e);
        }
        JetStreamOptions.Builder js = JetStreamOptions.builder();
        metadata.domain().ifPresent(js::domain);
        metadata.apiPrefix().ifPresent(js::prefix);
        try {
            jetStream = connection.jetStream(js.build());
            management = connection.jetStreamManagement(js.build());
        } catch (IOException e) {
            close();
            throw new IllegalStateException("nats: JetStream is not available at " + metadata.natsURL() + ": "
                    + e.getMessage(), e);
        }
    }

    /** None, as Dapr's JetStream broker: the runtime expires messages by their CloudEvent. */
    @Override
    public Set<PubSubFeature> features() {
        return Set.of();
    }

    @Override
    public void publish(PublishRequest request) {
        PublishOptions.Builder options = PublishOptions.builder();
        cloudEventId(request.data()).ifPresent(options::messageId);
        try {
            jetStream.publish(request.topic(), request.data(), options.build());
        } catch (IOException | JetStreamApiException | IllegalStateException e) {
            throw new IllegalStateException("nats: publishing to " + request.topic() + " failed (is there a stream"
                    + " holding this subject?): " + e.getMessage(), e);
        }
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        String topic = request.topic();
        String stream = metadata.streamName().orElseGet(() -> streamOf(topic));
        ConsumerInfo consumer;
        try {
            consumer = management.addOrUpdateConsumer(stream, metadata.consumer(topic, connection.createInbox()));
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("nats: creating the consumer of " + topic + " on stream " + stream
                    + " failed: " + e.getMessage(), e);
        }
        JetStreamTopicSubscription[] self = new JetStreamTopicSubscription[1];
        self[0] = new JetStreamTopicSubscription(connection, jetStream, stream, consumer, topic, metadata, handler,
                () -> subscriptions.remove(self[0]));
        subscriptions.add(self[0]);
        return self[0];
    }

    @Override
    public void close() {
        subscriptions.forEach(JetStreamTopicSubscription::close);
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The one stream whose subjects hold {@code topic}, as nats.go's {@code StreamNameBySubject}. */
    private String streamOf(String topic) {
        List<String> names;
        try {
            names = management.getStreamNames(topic);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("nats: looking up the stream of " + topic + " failed: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("nats: no stream matches subject " + topic
                    + " (create one, e.g. `nats stream add`, or name it in metadata field 'streamName')");
        }
        return names.getFirst();
    }

    /** The CloudEvent {@code id} of a payload, when it is one. */
    static Optional<String> cloudEventId(byte[] data) {
        if (data.length == 0 || data[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode id = JSON.readTree(data).get("id");
            return id != null && id.isTextual() && !id.asText().isEmpty() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
