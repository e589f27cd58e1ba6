package io.daprj.spi.pubsub;

import io.daprj.spi.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A message broker: publish to a topic, subscribe to a topic with a handler.
 *
 * <p>Thread safety: every method may be called concurrently after {@code init}. Consumer groups: subscribers that
 * share the component metadata {@code consumerID} (the runtime defaults it to the app id) share the messages of a
 * topic — each message goes to one of them; different consumer ids each get every message.
 *
 * <p>Delivery is at least once: a message whose {@link MessageHandler} call throws is delivered again, so handlers
 * must tolerate duplicates. Ordering is whatever the broker promises; the conformance suite checks it only where
 * the component's test says so. Failure: {@link #publish} throws when the broker did not take the message;
 * {@link IllegalArgumentException} means bad request metadata.
 */
public interface PubSub extends Component {

    /** The features this component supports, exactly. */
    Set<PubSubFeature> features();

    /** Hands one message to the broker; returns once the broker has it. */
    void publish(PublishRequest request);

    /**
     * Publishes many messages to one topic and reports the ones that failed; the others were published. The default
     * publishes them one by one; components declaring {@link PubSubFeature#BULK_PUBLISH} do it natively.
     */
    default List<BulkPublishFailure> bulkPublish(String topic, List<BulkPublishEntry> entries) {
        List<BulkPublishFailure> failures = new ArrayList<>();
        for (BulkPublishEntry entry : entries) {
            try {
                publish(new PublishRequest(topic, entry.data(), entry.contentType(), entry.metadata()));
            } catch (RuntimeException e) {
                failures.add(new BulkPublishFailure(entry.entryId(), String.valueOf(e.getMessage())));
            }
        }
        return failures;
    }

    /**
     * Starts delivering the topic's messages to {@code handler}, on threads of the component's choosing (virtual
     * threads preferred), until the returned subscription is closed or the component is.
     */
    Subscription subscribe(SubscribeRequest request, MessageHandler handler);
}
