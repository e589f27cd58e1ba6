package io.daprj.components.core.pubsub;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.BulkPublishEntry;
import io.daprj.spi.pubsub.BulkPublishFailure;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code pubsub.in-memory}: a broker inside this process. Every subscription of a topic gets every message published
 * after it started; messages published while nobody listens are gone, as in Dapr. Each subscription delivers in
 * publish order and redelivers a failed message after a bounded backoff until the handler accepts it or the
 * subscription closes; nothing survives a restart.
 *
 * <p>Thread safe. Publishing never blocks on subscribers.
 */
public final class InMemoryPubSub implements PubSub {

    private final List<InMemorySubscription> subscriptions = new CopyOnWriteArrayList<>();
    private InMemoryPubSubMetadata metadata;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(InMemoryPubSubMetadata.class);
    }

    @Override
    public Set<PubSubFeature> features() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }

    @Override
    public void publish(PublishRequest request) {
        Message message = new Message(request.topic(), request.data(), Optional.of(request.contentType()), request.metadata());
        for (InMemorySubscription s : subscriptions) {
            if (s.topic().equals(request.topic())) {
                s.offer(message);
            }
        }
    }

    /** Native: one pass, entries reach each subscriber in order, and none can fail. */
    @Override
    public List<BulkPublishFailure> bulkPublish(String topic, List<BulkPublishEntry> entries) {
        for (BulkPublishEntry e : entries) {
            publish(new PublishRequest(topic, e.data(), e.contentType(), e.metadata()));
        }
        return List.of();
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        InMemorySubscription[] self = new InMemorySubscription[1];
        self[0] = new InMemorySubscription(request.topic(), handler, metadata, () -> subscriptions.remove(self[0]));
        subscriptions.add(self[0]);
        return self[0];
    }

    @Override
    public void close() {
        subscriptions.forEach(InMemorySubscription::close);
    }
}
