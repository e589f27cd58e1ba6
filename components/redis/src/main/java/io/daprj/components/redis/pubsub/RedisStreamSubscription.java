package io.daprj.components.redis.pubsub;

import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.Subscription;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One subscription of the Redis broker, Dapr's two loops: a reader that takes new entries with XREADGROUP on a
 * connection of its own (a blocking read would stall a shared one), and a reclaimer that scans the group's pending
 * list (XPENDING) and claims (XCLAIM) entries left unacknowledged longer than {@code processingTimeout} — failed,
 * or held by a consumer that died. Each entry goes to the handler on a virtual thread, at most {@code concurrency}
 * at once, and is acknowledged (XACK) only after the handler returned. Entries this process is still handling are
 * claimed again in place before they time out, so a slow live handler keeps them.
 */
final class RedisStreamSubscription implements Subscription {

    private static final System.Logger LOG = System.getLogger(RedisStreamSubscription.class.getName());
    private static final Duration ERROR_PAUSE = Duration.ofMillis(500);
    /** Pending-list pages scanned per reclaim round, so one round stays bounded. */
    private static final int MAX_PAGES = 10;

    private final String topic;
    private final String group;
    private final Consumer<String> consumer;
    private final RedisCommands<String, byte[]> commands;
    private final StatefulRedisConnection<String, byte[]> readerConnection;
    private final RedisPubSubMetadata metadata;
    private final MessageHandler handler;
    private final Runnable onClose;
    private final Semaphore free;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private final Thread reclaimer;
    private volatile boolean closed;

    RedisStreamSubscription(String topic, String group, RedisCommands<String, byte[]> commands,
            StatefulRedisConnection<String, byte[]> readerConnection, RedisPubSubMetadata metadata,
            MessageHandler handler, Runnable onClose) {
        this.topic = topic;
        this.group = group;
        this.consumer = Consumer.from(group, group); // Dapr names the consumer after its group
        this.commands = commands;
        this.readerConnection = readerConnection;
        this.metadata = metadata;
        this.handler = handler;
        this.onClose = onClose;
        this.free = new Semaphore(metadata.concurrency());
        this.reader = Thread.ofVirtual().name("daprj-redis-pubsub-read-" + topic).start(this::readLoop);
        this.reclaimer = metadata.redelivers()
                ? Thread.ofVirtual().name("daprj-redis-pubsub-reclaim-" + topic).start(this::reclaimLoop) : null;
    }

    private void readLoop() {
        RedisCommands<String, byte[]> blocking = readerConnection.sync();
        XReadArgs.StreamOffset<String> next = XReadArgs.StreamOffset.lastConsumed(topic);
        while (!closed) {
            try {
                // read only when a handler slot is free, but hold no slot while blocked: the reclaimer needs them
                free.acquire();
                free.release();
                int count = Math.max(1, Math.min(free.availablePermits(), metadata.queueDepth()));
                List<StreamMessage<String, byte[]>> entries = blocking.xreadgroup(consumer,
                        XReadArgs.Builder.count(count).block(metadata.readTimeout()), next);
                entries.forEach(e -> held.add(e.getId()));
                for (StreamMessage<String, byte[]> entry : entries) {
                    free.acquire();
                    start(entry);
                }
            } catch (InterruptedException e) {
                return; // entries read but not started stay pending and are claimed again after the timeout
            } catch (RuntimeException e) {
                if (!closed) {
                    recover(e);
                }
            }
        }
    }

    private void reclaimLoop() {
        Duration renewEvery = metadata.processingTimeout().dividedBy(3);
        Duration tick = min(metadata.redeliverInterval(), renewEvery);
        tick = tick.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : tick;
        long lastRedelivery = Long.MIN_VALUE / 2; // Dapr reclaims once at start
        while (!closed) {
            try {
                long now = System.nanoTime();
                boolean redeliver = now - lastRedelivery >= metadata.redeliverInterval().toNanos();
                if (redeliver) {
                    lastRedelivery = now;
                }
                reclaim(redeliver, renewEvery);
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "reclaiming pending messages of " + topic + " failed: " + e.getMessage());
                    sleepQuietly(ERROR_PAUSE);
                }
            }
        }
    }

    /** One round over the pending list: renew what this process holds, claim what timed out elsewhere. */
    private void reclaim(boolean redeliver, Duration renewAfter) {
        Range.Boundary<String> from = Range.Boundary.including("-");
        for (int page = 0; page < MAX_PAGES && !closed; page++) {
            List<PendingMessage> pending = commands.xpending(topic, XPendingArgs.Builder.xpending(group,
                    Range.from(from, Range.Boundary.including("+")), Limit.from(metadata.queueDepth())));
            List<String> due = new ArrayList<>();
            for (PendingMessage p : pending) {
                Duration idle = p.getSinceLastDelivery();
                if (held.contains(p.getId())) {
                    if (idle.compareTo(renewAfter) >= 0) {
                        // only if nobody claimed it meanwhile: their claim would have reset the idle time
                        commands.xclaim(topic, consumer, XClaimArgs.Builder.minIdleTime(idle).justid(), p.getId());
                    }
                } else if (redeliver && idle.compareTo(metadata.processingTimeout()) >= 0) {
                    due.add(p.getId());
                }
            }
            if (!due.isEmpty()) {
                redeliver(due);
            }
            if (pending.size() < metadata.queueDepth()) {
                return;
            }
            from = Range.Boundary.excluding(pending.getLast().getId());
        }
    }

    /** Claims as many of {@code ids} as there are free handler slots now; the rest wait for the next round. */
    private void redeliver(List<String> ids) {
        int slots = 0;
        while (slots < ids.size() && free.tryAcquire()) {
            slots++;
        }
        if (slots == 0) {
            return;
        }
        try {
            List<StreamMessage<String, byte[]>> claimed = commands.xclaim(topic, consumer,
                    XClaimArgs.Builder.minIdleTime(metadata.processingTimeout()),
                    ids.subList(0, slots).toArray(String[]::new));
            for (StreamMessage<String, byte[]> entry : claimed) {
                if (closed) {
                    return; // still pending: claimed again after the timeout
                }
                slots--;
                start(entry);
            }
        } finally {
            free.release(slots);
        }
    }

    /** Hands an entry to the handler on a thread of its own; the caller holds a permit, which the thread releases. */
    private void start(StreamMessage<String, byte[]> entry) {
        held.add(entry.getId());
        if (RedisStreamFields.deleted(entry)) {
            // trimmed from the stream while pending (Redis before 7 still lists it): nothing left to deliver
            acknowledge(entry.getId());
            held.remove(entry.getId());
            free.release();
            return;
        }
        Thread.ofVirtual().name("daprj-redis-pubsub-handler").start(() -> {
            try {
                handler.handle(RedisStreamFields.message(topic, entry));
                acknowledge(entry.getId());
            } catch (Exception e) {
                // left pending: the reclaimer delivers it again once it is older than processingTimeout
                LOG.log(Level.DEBUG, "Redis message {0} of {1} failed and stays pending: {2}", entry.getId(), topic,
                        e.toString());
            } finally {
                held.remove(entry.getId());
                free.release();
            }
        });
    }

    private void acknowledge(String id) {
        try {
            commands.xack(topic, group, id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "acknowledging Redis message " + id + " of " + topic + " failed; it will come"
                    + " again: " + e.getMessage());
        }
    }

    private void recover(RuntimeException e) {
        if (e instanceof RedisCommandExecutionException && String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
            LOG.log(Level.WARNING, "consumer group {0} of stream {1} is gone (server data loss, or the stream was"
                    + " deleted); recreating it", group, topic);
            try {
                RedisPubSub.createGroup(commands, topic, group);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "recreating the group failed: " + again.getMessage());
            }
        } else {
            LOG.log(Level.WARNING, "reading stream " + topic + " failed: " + e.getMessage());
        }
        sleepQuietly(ERROR_PAUSE);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        reader.interrupt();
        if (reclaimer != null) {
            reclaimer.interrupt();
        }
        try {
            reader.join();
            if (reclaimer != null) {
                reclaimer.join();
            }
            // every running handler holds a permit: taking them all waits for the last one
            free.acquire(metadata.concurrency());
            free.release(metadata.concurrency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readerConnection.close();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
