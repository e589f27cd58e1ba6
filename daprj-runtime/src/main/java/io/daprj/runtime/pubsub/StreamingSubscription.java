package io.daprj.runtime.pubsub;

import io.dapr.v1.DaprAppCallbackProtos;
import io.daprj.spi.pubsub.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code SubscribeTopicEventsAlpha1} stream as a subscriber: each event goes out through the stream and its
 * delivery waits until the client answers with an {@code EventProcessed} of the same id. When the stream ends, the
 * events still waiting go back to the broker (they were never acknowledged) and the subscription stops.
 */
public final class StreamingSubscription implements SubscriberApp, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamingSubscription.class);

    private final SubscriptionSpec spec;
    private final Consumer<DaprAppCallbackProtos.TopicEventRequest> sender;
    private final Consumer<StreamingSubscription> onClose;
    private final Map<String, CompletableFuture<Verdict>> waiting = new ConcurrentHashMap<>();
    private volatile Subscription subscription;
    private volatile boolean closed;

    StreamingSubscription(SubscriptionSpec spec, Consumer<DaprAppCallbackProtos.TopicEventRequest> sender,
            Consumer<StreamingSubscription> onClose) {
        this.spec = spec;
        this.sender = sender;
        this.onClose = onClose;
    }

    SubscriptionSpec spec() {
        return spec;
    }

    void attach(Subscription live) {
        subscription = live;
        if (closed) {
            live.close();
        }
    }

    /** The client's answer to event {@code id}; an id nobody waits for is logged and ignored. */
    public void processed(String id, DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus status) {
        CompletableFuture<Verdict> answer = waiting.get(id);
        if (answer == null) {
            log.warn("streaming subscription to topic {}: an answer for unknown event id {}", spec.topic(), id);
            return;
        }
        answer.complete(GrpcTopicEvents.verdict(status));
    }

    @Override
    public List<SubscriptionSpec> subscriptions() {
        return List.of(spec);
    }

    @Override
    public Verdict deliver(TopicEvent event) {
        String id = event.cloudEvent().path("id").asText("");
        CompletableFuture<Verdict> answer = new CompletableFuture<>();
        if (closed || waiting.putIfAbsent(id, answer) != null) {
            throw new GoneException("the stream of the subscription to topic " + spec.topic() + " is gone or busy with event " + id);
        }
        try {
            if (closed) {
                throw new GoneException("the stream ended");
            }
            sender.accept(GrpcTopicEvents.request(event));
            return answer.get();
        } catch (ExecutionException e) {
            throw new GoneException("the stream ended before event " + id + " was answered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoneException("interrupted while waiting for the answer to event " + id);
        } catch (GoneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GoneException("the event could not be sent on the stream: " + e);
        } finally {
            waiting.remove(id, answer);
        }
    }

    @Override
    public Map<String, Verdict> deliverBulk(BulkEvent event) {
        throw new UnsupportedOperationException("a streaming subscription has no bulk delivery");
    }

    /** Ends the subscription: unanswered events go back to the broker. Blocks until no delivery runs. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        waiting.values().forEach(f -> f.completeExceptionally(new GoneException("the stream ended")));
        Subscription live = subscription;
        if (live != null) {
            live.close();
        }
        onClose.accept(this);
    }
}
