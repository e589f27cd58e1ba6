package io.daprj.components.core.state;

import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.components.core.sqlite.SqliteLocation;
import io.daprj.components.query.JsonQueryEngine;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.TransactionalStateStore;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.QueryableStateStore;
import io.daprj.spi.state.query.StateQuery;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code state.sqlite}: state in a SQLite file that several sidecar processes on one machine may share, the
 * default state (and actor state) store of daprj. Features: ETag, transactions, TTL, and (beyond Dapr's SQLite store)
 * the query API, evaluated in memory over the rows of the queried key prefix.
 *
 * <p>Thread safe; calls block on JDBC and are meant for virtual threads. ETags are random UUIDs, as in Dapr, so an
 * ETag the store never produced is reported as a mismatch. Expired rows read as absent at once and are deleted
 * every {@code cleanupInterval} by whichever process sharing the file gets there first. A transaction runs in one
 * SQLite transaction; a single write is one statement.
 */
public final class SqliteStateStore implements TransactionalStateStore, QueryableStateStore {

    private static final System.Logger LOG = System.getLogger(SqliteStateStore.class.getName());
    private static final Set<StateFeature> FEATURES = Set.copyOf(
            EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API));
    /** Keys per bulk-get query; far below SQLite's limit on bound parameters. */
    private static final int BULK_GET_CHUNK = 500;

    private SqliteConnections db;
    private SqliteStateTable table;
    private SqliteStateMetadata metadata;
    private ScheduledExecutorService cleaner;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(SqliteStateMetadata.class);
        SqliteLocation location = SqliteLocation.parse(metadata.connectionString());
        db = SqliteConnections.open(location, metadata.timeout(), metadata.busyTimeout(), metadata.disableWAL());
        table = new SqliteStateTable(db, metadata.tableName(), metadata.metadataTableName());
        db.transact(c -> {
            table.createIfMissing(c);
            return null;
        });
        if (metadata.cleanupEnabled()) {
            cleaner = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("daprj-sqlite-state-cleanup").factory());
            long every = metadata.cleanupInterval().toMillis();
            cleaner.scheduleWithFixedDelay(this::cleanupQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Set<StateFeature> features() {
        return FEATURES;
    }

    @Override
    public Optional<StateItem> get(GetRequest request) {
        Instant now = Instant.now();
        return db.read(c -> table.get(c, request.key(), now));
    }

    @Override
    public List<BulkGetItem> bulkGet(List<GetRequest> requests) {
        List<String> keys = requests.stream().map(GetRequest::key).distinct().toList();
        Instant now = Instant.now();
        Map<String, StateItem> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BULK_GET_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + BULK_GET_CHUNK));
            found.putAll(db.read(c -> table.getMany(c, chunk, now)));
        }
        List<BulkGetItem> items = new ArrayList<>(requests.size());
        requests.forEach(r -> items.add(
                new BulkGetItem(r.key(), Optional.ofNullable(found.get(r.key())), Optional.empty())));
        return items;
    }

    @Override
    public void set(SetRequest request) {
        Optional<Duration> ttl = WriteParameters.ttl(request.metadata());
        Instant now = Instant.now();
        db.write(c -> {
            table.set(c, request, ttl, now);
            return null;
        });
    }

    @Override
    public void delete(DeleteRequest request) {
        Instant now = Instant.now();
        db.write(c -> {
            table.delete(c, request, now);
            return null;
        });
    }

    @Override
    public void transact(List<StateOperation> operations, Map<String, String> transactionMetadata) {
        List<Optional<Duration>> ttls = WriteParameters.ttls(operations);
        if (operations.isEmpty()) {
            return;
        }
        db.transact(c -> {
            Instant now = Instant.now();
            for (int i = 0; i < operations.size(); i++) {
                switch (operations.get(i)) {
                    case SetRequest set -> table.set(c, set, ttls.get(i), now);
                    case DeleteRequest delete -> table.delete(c, delete, now);
                }
            }
            return null;
        });
    }

    /**
     * Deletes expired rows if no process sharing the file did so within {@code cleanupInterval}; returns how many
     * rows went, or -1 when another process had the turn.
     */
    int cleanupExpired() {
        Instant now = Instant.now();
        return db.transact(c -> table.claimCleanup(c, metadata.cleanupInterval(), now)
                ? table.deleteExpired(c, now) : -1);
    }

    @Override
    public QueryResponse query(StateQuery query, Map<String, String> queryMetadata) {
        Instant now = Instant.now();
        return JsonQueryEngine.run(query, db.read(c -> table.scan(c, query.keyPrefix(), now)));
    }

    @Override
    public void close() {
        if (cleaner != null) {
            cleaner.shutdownNow();
        }
        if (db != null) {
            db.close();
        }
    }

    private void cleanupQuietly() {
        try {
            int deleted = cleanupExpired();
            if (deleted > 0) {
                LOG.log(Level.DEBUG, "deleted {0} expired state rows from {1}", deleted, metadata.tableName());
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: a busy file now is no reason to stop cleaning later
            LOG.log(Level.WARNING, "expired state cleanup failed: " + e.getMessage(), e);
        }
    }
}
