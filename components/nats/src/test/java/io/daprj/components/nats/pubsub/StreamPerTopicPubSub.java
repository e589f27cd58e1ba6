package io.daprj.components.nats.pubsub;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JetStream broker under test, with the stream of each topic created before the topic's first use: the suite
 * picks fresh topic names, and Dapr's broker, like ours, expects its streams to exist (Dapr's own conformance setup
 * creates them beforehand). Everything else goes to the broker unchanged.
 */
final class StreamPerTopicPubSub implements PubSub {

    private final JetStreamPubSub broker;
    private final JetStreamTestServer server;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    StreamPerTopicPubSub(JetStreamPubSub broker, JetStreamTestServer server) {
        this.broker = broker;
        this.server = server;
    }

    @Override
    public void init(ComponentMetadata metadata) {
        // the broker was initialised by the test server
    }

    @Override
    public Set<PubSubFeature> features() {
        return broker.features();
    }

    @Override
    public void publish(PublishRequest request) {
        ensureStream(request.topic());
        broker.publish(request);
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        ensureStream(request.topic());
        return broker.subscribe(request, handler);
    }

    @Override
    public void close() {
        broker.close();
    }

    private void ensureStream(String topic) {
        if (topics.add(topic)) {
            server.createStream(topic);
        }
    }
}
