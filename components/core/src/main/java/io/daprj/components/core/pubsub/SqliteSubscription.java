package io.daprj.components.core.pubsub;

import io.daprj.components.core.pubsub.SqliteQueueTables.Claimed;
import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.Subscription;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber of the SQLite broker: a virtual thread that claims messages of its topic for its consumer group
 * (up to {@code concurrency} at a time, oldest first) and hands each to the handler on a virtual thread of its own.
 * A returned handler call deletes the claim; a thrown one makes the message visible again after a backoff; a live
 * handler's claim is renewed every third of {@code processingTimeout}, so only a crashed process lets it lapse.
 */
final class SqliteSubscription implements Subscription {

    private static final System.Logger LOG = System.getLogger(SqliteSubscription.class.getName());

    private final String topic;
    private final String group;
    private final String owner;
    private final SqliteConnections db;
    private final SqliteQueueTables tables;
    private final SqlitePubSubMetadata metadata;
    private final MessageHandler handler;
    private final Runnable onClose;
    private final Semaphore free;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread loop;
    private volatile boolean closed;
    private long renewedAt = System.currentTimeMillis();

    SqliteSubscription(String topic, String group, String owner, SqliteConnections db, SqliteQueueTables tables,
            SqlitePubSubMetadata metadata, MessageHandler handler, Runnable onClose) {
        this.topic = topic;
        this.group = group;
        this.owner = owner;
        this.db = db;
        this.tables = tables;
        this.metadata = metadata;
        this.handler = handler;
        this.onClose = onClose;
        this.free = new Semaphore(metadata.concurrency());
        this.loop = Thread.ofVirtual().name("daprj-sqlite-pubsub-" + topic).start(this::run);
    }

    String topic() {
        return topic;
    }

    /** Looks for messages now rather than at the next poll; called when this process published to the topic. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (!closed) {
            try {
                renewIfDue();
                List<Claimed> claimed = claim();
                for (Claimed c : claimed) {
                    start(c);
                }
                if (claimed.isEmpty()) {
                    wake.tryAcquire(metadata.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a locked or briefly unavailable file: try again at the next poll
                LOG.log(Level.WARNING, "polling topic " + topic + " of group " + group + " failed: " + e.getMessage());
                sleepQuietly(metadata.pollInterval().toMillis());
            }
        }
    }

    private List<Claimed> claim() {
        int slots = free.availablePermits();
        long now = System.currentTimeMillis();
        if (slots == 0 || !db.read(c -> tables.hasWork(c, topic, group, now))) {
            return List.of();
        }
        long leaseUntil = now + metadata.processingTimeout().toMillis();
        return db.transact(c -> tables.claim(c, topic, group, owner, slots, now, leaseUntil));
    }

    private void start(Claimed c) throws InterruptedException {
        if (closed) {
            giveBack(c.id(), System.currentTimeMillis()); // claimed while closing: the group may have it at once
            return;
        }
        free.acquire();
        inFlight.add(c.id());
        Thread.ofVirtual().name("daprj-sqlite-pubsub-handler").start(() -> deliver(c));
    }

    private void deliver(Claimed c) {
        try {
            handler.handle(c.message());
            db.write(conn -> {
                tables.finish(conn, group, c.id());
                return null;
            });
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "redelivering message {0} of topic {1} (attempt {2}): {3}", c.id(), topic,
                    c.attempt(), e.toString());
            giveBack(c.id(), System.currentTimeMillis() + metadata.backoff(c.attempt()).toMillis());
        } finally {
            inFlight.remove(c.id());
            free.release();
            wake.release();
        }
    }

    private void giveBack(long id, long visibleAt) {
        try {
            db.write(conn -> {
                tables.release(conn, group, id, owner, visibleAt);
                return null;
            });
        } catch (RuntimeException e) {
            // the claim then lapses after processingTimeout and the message comes again anyway
            LOG.log(Level.WARNING, "releasing message " + id + " of topic " + topic + " failed: " + e.getMessage());
        }
    }

    private void renewIfDue() {
        long now = System.currentTimeMillis();
        long every = metadata.processingTimeout().toMillis() / 3;
        if (now - renewedAt < every || inFlight.isEmpty()) {
            return;
        }
        renewedAt = now;
        List<Long> ids = List.copyOf(inFlight);
        db.write(c -> {
            tables.renew(c, group, owner, ids, now + metadata.processingTimeout().toMillis());
            return null;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        wake.release();
        try {
            loop.join();
            // every running handler holds a permit: taking them all waits for the last one
            free.acquire(metadata.concurrency());
            free.release(metadata.concurrency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
