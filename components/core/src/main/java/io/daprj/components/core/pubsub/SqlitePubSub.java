package io.daprj.components.core.pubsub;

import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.components.core.sqlite.SqliteLocation;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.BulkPublishEntry;
import io.daprj.spi.pubsub.BulkPublishFailure;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code pubsub.sqlite}: a durable queue in a SQLite file that every sidecar process on the machine may share, the
 * default {@code pubsub} of daprj. Each consumer group ({@code consumerID}, by default the app id) gets every message
 * of a topic once, from the topic's retained history on; within a group each message goes to one consumer, which
 * holds a claim on it until its handler returns (then the message is done) or throws (then it comes again after a
 * backoff). A claim a crashed process held lapses after {@code processingTimeout}. Messages survive restarts; a group
 * resumes where it left off. With {@code concurrency} 1 (the default) a consumer gets its first deliveries in publish
 * order, so a group with one consumer sees the topic in order.
 *
 * <p>Thread safe; calls block on JDBC and are meant for virtual threads. Publishing inserts one row (bulk publish,
 * one transaction); subscribers in this process are woken at once, those of other processes within
 * {@code pollInterval}.
 */
public final class SqlitePubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(SqlitePubSub.class.getName());

    private final String owner = UUID.randomUUID().toString();
    private final List<SqliteSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private SqlitePubSubMetadata metadata;
    private String group;
    private SqliteConnections db;
    private SqliteQueueTables tables;
    private ScheduledExecutorService cleaner;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(SqlitePubSubMetadata.class);
        group = metadata.group(componentMetadata.appId());
        SqliteLocation location = SqliteLocation.parse(metadata.database());
        db = SqliteConnections.open(location, metadata.timeout(), metadata.busyTimeout(), metadata.disableWAL());
        tables = new SqliteQueueTables(db);
        db.transact(c -> {
            tables.createIfMissing(c);
            return null;
        });
        cleaner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("daprj-sqlite-pubsub-retention").factory());
        long every = metadata.cleanupInterval().toMillis();
        cleaner.scheduleWithFixedDelay(this::deleteRetainedQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public Set<PubSubFeature> features() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }

    @Override
    public void publish(PublishRequest request) {
        long now = System.currentTimeMillis();
        db.write(c -> {
            tables.insert(c, request.topic(), request.data(), request.contentType(), request.metadata(), now);
            return null;
        });
        wake(request.topic());
    }

    /** Native: one transaction, so either every entry is stored (in order) or none is and all are reported. */
    @Override
    public List<BulkPublishFailure> bulkPublish(String topic, List<BulkPublishEntry> entries) {
        long now = System.currentTimeMillis();
        try {
            db.transact(c -> {
                for (BulkPublishEntry e : entries) {
                    tables.insert(c, topic, e.data(), e.contentType(), e.metadata(), now);
                }
                return null;
            });
        } catch (RuntimeException e) {
            return entries.stream().map(en -> new BulkPublishFailure(en.entryId(), String.valueOf(e.getMessage())))
                    .toList();
        }
        wake(topic);
        return List.of();
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        db.write(c -> {
            tables.joinGroup(c, request.topic(), group);
            return null;
        });
        SqliteSubscription[] self = new SqliteSubscription[1];
        self[0] = new SqliteSubscription(request.topic(), group, owner, db, tables, metadata, handler,
                () -> subscriptions.remove(self[0]));
        subscriptions.add(self[0]);
        return self[0];
    }

    /** Deletes messages past {@code retentionPeriod} that no group needs any more; returns how many. */
    int deleteRetained() {
        long cutoff = System.currentTimeMillis() - metadata.retentionPeriod().toMillis();
        return db.write(c -> tables.deleteRetained(c, cutoff));
    }

    @Override
    public void close() {
        subscriptions.forEach(SqliteSubscription::close);
        if (cleaner != null) {
            cleaner.shutdownNow();
        }
        if (db != null) {
            db.close();
        }
    }

    private void wake(String topic) {
        for (SqliteSubscription s : subscriptions) {
            if (s.topic().equals(topic)) {
                s.wake();
            }
        }
    }

    private void deleteRetainedQuietly() {
        try {
            int deleted = deleteRetained();
            if (deleted > 0) {
                LOG.log(Level.DEBUG, "deleted {0} finished messages past the retention period", deleted);
            }
        } catch (RuntimeException e) {
            // keep the schedule: a busy file now is no reason to stop later
            LOG.log(Level.WARNING, "pub/sub retention failed: " + e.getMessage(), e);
        }
    }
}
