package io.daprj.runtime.pubsub;

import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The handler of a subscription with {@code bulkSubscribe} enabled, like daprd's default bulk subscriber: each
 * message the component hands over waits in the current batch, which leaves when it holds {@code maxMessagesCount}
 * messages or {@code maxAwaitDurationMs} after its first one arrived. The batch goes to the app as one bulk request
 * per route path, and each message's handler call returns or throws on that message's own status, so the component
 * acknowledges, redelivers or dead-letters message by message.
 *
 * <p>A batch can only hold as many messages as the component hands over at once: one for a component that delivers
 * one message at a time.
 */
final class BulkDelivery implements MessageHandler {

    private static final Executor TIMERS = Executors.newVirtualThreadPerTaskExecutor();

    /** A message waiting in a batch; {@code done} completes when the app answered for it. */
    private record Waiting(String entryId, Message message, CompletableFuture<Void> done) {}

    private final SubscriptionSpec spec;
    private final SubscriberApp app;
    private final PubSubDelivery single;
    private final ReentrantLock lock = new ReentrantLock();
    private List<Waiting> batch = new ArrayList<>();

    private final PubSubApi api;

    BulkDelivery(SubscriptionSpec spec, SubscriberApp app, PubSubApi api) {
        this.api = api;
        this.spec = spec;
        this.app = app;
        this.single = new PubSubDelivery(spec, app, api);
    }

    @Override
    public void handle(Message message) throws PubSubDelivery.RedeliverException {
        api.requireHealthyApp();
        Waiting waiting = new Waiting(UUID.randomUUID().toString(), message, new CompletableFuture<>());
        List<Waiting> full = null;
        lock.lock();
        try {
            List<Waiting> current = batch;
            current.add(waiting);
            if (current.size() >= spec.bulk().maxMessagesCount()) {
                full = current;
                batch = new ArrayList<>();
            } else if (current.size() == 1) {
                CompletableFuture.delayedExecutor(spec.bulk().maxAwaitDurationMs(), TimeUnit.MILLISECONDS, TIMERS)
                        .execute(() -> flushIfStill(current));
            }
        } finally {
            lock.unlock();
        }
        if (full != null) {
            send(full);
        }
        try {
            waiting.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PubSubDelivery.RedeliverException("interrupted while the batch was with the app");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PubSubDelivery.RedeliverException redeliver) {
                throw redeliver;
            }
            throw new PubSubDelivery.RedeliverException(String.valueOf(e.getCause()));
        }
    }

    /** The timer of a batch: sends it unless it already left full. */
    private void flushIfStill(List<Waiting> expected) {
        lock.lock();
        try {
            if (batch != expected) {
                return;
            }
            batch = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        send(expected);
    }

    private void send(List<Waiting> messages) {
        Map<List<String>, List<Waiting>> byRoute = new LinkedHashMap<>();
        Map<String, PubSubDelivery.Routed> routed = new LinkedHashMap<>();
        for (Waiting w : messages) {
            try {
                Optional<PubSubDelivery.Routed> r = single.route(w.message());
                if (r.isEmpty()) {
                    w.done().complete(null);
                    continue;
                }
                routed.put(w.entryId(), r.get());
                byRoute.computeIfAbsent(List.of(w.message().topic(), r.get().path()), k -> new ArrayList<>()).add(w);
            } catch (PubSubDelivery.RedeliverException e) {
                w.done().completeExceptionally(e);
            }
        }
        byRoute.forEach((topicAndPath, group) -> sendGroup(topicAndPath.get(1), group, routed));
    }

    private void sendGroup(String path, List<Waiting> group, Map<String, PubSubDelivery.Routed> routed) {
        List<BulkEvent.Entry> entries = group.stream()
                .map(w -> new BulkEvent.Entry(w.entryId(), routed.get(w.entryId()).cloudEvent(), w.message().metadata()))
                .toList();
        Map<String, Verdict> verdicts;
        try {
            verdicts = app.deliverBulk(new BulkEvent(UUID.randomUUID().toString(), spec.pubsubName(),
                    group.getFirst().message().topic(), path, entries));
        } catch (RuntimeException e) {
            verdicts = Map.of();
        }
        for (Waiting w : group) {
            try {
                single.settle(w.message(), routed.get(w.entryId()).cloudEvent(),
                        verdicts.getOrDefault(w.entryId(), Verdict.RETRY));
                w.done().complete(null);
            } catch (PubSubDelivery.RedeliverException e) {
                w.done().completeExceptionally(e);
            }
        }
    }
}
