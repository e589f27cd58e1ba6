package io.daprj.components.core.state;

import io.daprj.components.query.JsonQueryEngine;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateTtl;
import io.daprj.spi.state.TransactionalStateStore;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.QueryableStateStore;
import io.daprj.spi.state.query.StateQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * {@code state.in-memory}: keys live in this process only and vanish at shutdown, like Dapr's in-memory store.
 * Features: ETag, transactions, TTL, and (beyond Dapr's in-memory store) the query API.
 *
 * <p>Thread safe. A single write is atomic per key ({@link ConcurrentHashMap#compute}); single operations share a
 * read lock and a transaction holds the write lock, so nobody sees half a transaction. No lock is held for more than
 * a few map operations. ETags are opaque version numbers; an ETag this store did not produce is a mismatch.
 * Expired keys read as absent at once and are swept every second.
 */
public final class InMemoryStateStore implements TransactionalStateStore, QueryableStateStore {

    private static final Set<StateFeature> FEATURES = Set.copyOf(
            EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API));
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

    /** One stored value; {@code expiresAt} is {@link Instant#MAX} for a key without TTL. */
    private record Entry(byte[] data, String etag, Instant expiresAt) {
        boolean liveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock transactionLock = new ReentrantReadWriteLock();
    private final AtomicLong versions = new AtomicLong();
    private volatile Thread sweeper;

    @Override
    public void init(ComponentMetadata metadata) {
        sweeper = Thread.ofVirtual().name("daprj-in-memory-state-sweeper").start(this::sweepUntilClosed);
    }

    @Override
    public Set<StateFeature> features() {
        return FEATURES;
    }

    @Override
    public Optional<StateItem> get(GetRequest request) {
        Entry entry = shared(() -> live(request.key(), Instant.now()));
        return Optional.ofNullable(entry).map(e -> new StateItem(e.data().clone(), Optional.of(e.etag()),
                StateTtl.responseMetadata(expiry(e)), Optional.empty()));
    }

    @Override
    public void set(SetRequest request) {
        Optional<Duration> ttl = WriteParameters.ttl(request.metadata());
        byte[] data = request.value().clone();
        Instant now = Instant.now();
        shared(() -> entries.compute(request.key(),
                (key, current) -> written(request, live(current, now), data, ttl, now)));
    }

    @Override
    public void delete(DeleteRequest request) {
        Instant now = Instant.now();
        shared(() -> entries.compute(request.key(), (key, current) -> deleted(request, live(current, now))));
    }

    @Override
    public void transact(List<StateOperation> operations, Map<String, String> metadata) {
        List<Optional<Duration>> ttls = WriteParameters.ttls(operations);
        Lock lock = transactionLock.writeLock();
        lock.lock();
        try {
            Instant now = Instant.now();
            // staged results per key; nothing touches the map until every operation has passed its checks
            Map<String, Optional<Entry>> staged = new HashMap<>();
            for (int i = 0; i < operations.size(); i++) {
                StateOperation op = operations.get(i);
                Entry current = staged.containsKey(op.key())
                        ? staged.get(op.key()).orElse(null) : live(entries.get(op.key()), now);
                Entry next = switch (op) {
                    case SetRequest set -> written(set, current, set.value().clone(), ttls.get(i), now);
                    case DeleteRequest delete -> deleted(delete, current);
                };
                staged.put(op.key(), Optional.ofNullable(next));
            }
            staged.forEach((key, next) -> next.ifPresentOrElse(e -> entries.put(key, e), () -> entries.remove(key)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public QueryResponse query(StateQuery query, Map<String, String> metadata) {
        Instant now = Instant.now();
        List<QueryResponse.Item> rows = new java.util.ArrayList<>();
        entries.forEach((key, e) -> {
            if (key.startsWith(query.keyPrefix()) && e.liveAt(now)) {
                rows.add(new QueryResponse.Item(key, e.data().clone(), Optional.of(e.etag())));
            }
        });
        return JsonQueryEngine.run(query, rows);
    }

    @Override
    public void close() {
        Thread t = sweeper;
        if (t != null) {
            t.interrupt();
        }
        entries.clear();
    }

    private Entry written(SetRequest request, Entry current, byte[] data, Optional<Duration> ttl, Instant now) {
        Optional<String> etag = WriteParameters.etag(request.etag());
        if (etag.isPresent() ? current == null || !current.etag().equals(etag.get())
                : request.options().firstWrite() && current != null) {
            throw new ETagMismatchException(request.key());
        }
        Instant expiresAt = ttl.map(now::plus).orElse(Instant.MAX);
        return new Entry(data, Long.toString(versions.incrementAndGet()), expiresAt);
    }

    private static Entry deleted(DeleteRequest request, Entry current) {
        Optional<String> etag = WriteParameters.etag(request.etag());
        if (etag.isPresent() && (current == null || !current.etag().equals(etag.get()))) {
            throw new ETagMismatchException(request.key());
        }
        return null;
    }

    private Entry live(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.liveAt(now)) {
            entries.remove(key, entry);
            return null;
        }
        return entry;
    }

    private static Entry live(Entry entry, Instant now) {
        return entry != null && entry.liveAt(now) ? entry : null;
    }

    private static Optional<Instant> expiry(Entry entry) {
        return entry.expiresAt().equals(Instant.MAX) ? Optional.empty() : Optional.of(entry.expiresAt());
    }

    private <T> T shared(Supplier<T> action) {
        Lock lock = transactionLock.readLock();
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void sweepUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(SWEEP_EVERY);
                Instant now = Instant.now();
                // conditional removal per entry, so a value written meanwhile is never lost
                entries.values().removeIf(e -> !e.liveAt(now));
            }
        } catch (InterruptedException e) {
            // closed
        }
    }
}
