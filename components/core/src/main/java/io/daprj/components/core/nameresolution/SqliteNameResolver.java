package io.daprj.components.core.nameresolution;

import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.components.core.sqlite.SqliteLocation;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.nameresolution.NameResolver;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code nameresolution.sqlite}: sidecars on one machine find each other through a shared SQLite file, as with
 * Dapr's SQLite resolver. {@link #register} writes this sidecar's row and refreshes it every
 * {@code updateInterval} from a virtual thread; {@link #resolve} picks at random among rows refreshed within the
 * last three update intervals (Dapr allows one, which loses a
 * host on one late heartbeat); rows of sidecars that died without {@link #unregister} age out and are deleted every
 * {@code cleanupInterval}.
 *
 * <p>Thread safe after init. If the row vanishes while registered (deleted by a cleanup after a long pause), the
 * next heartbeat writes it again rather than failing the sidecar as Dapr does.
 */
public final class SqliteNameResolver implements NameResolver {

    private static final System.Logger LOG = System.getLogger(SqliteNameResolver.class.getName());

    /** This sidecar's row and the heartbeat that keeps it fresh. */
    private record Registration(String id, Instance self, ScheduledFuture<?> heartbeat) {}

    private final AtomicReference<Registration> registration = new AtomicReference<>();
    /** Live instances are re-read this often: a query per call cost more than the call; callers retry past a dead one. */
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    private record Resolved(List<Instance> instances, long atNanos) {}

    private final java.util.Map<String, Resolved> recent = new java.util.concurrent.ConcurrentHashMap<>();
    private SqliteNameResolverMetadata metadata;
    private SqliteConnections db;
    private SqliteHostsTable hosts;
    private ScheduledExecutorService timers;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(SqliteNameResolverMetadata.class);
        SqliteLocation location = SqliteLocation.parse(metadata.resolvedConnectionString());
        db = SqliteConnections.open(location, metadata.timeout(), metadata.busyTimeout(), metadata.disableWAL());
        hosts = new SqliteHostsTable(db, metadata.tableName(), metadata.metadataTableName());
        db.transact(c -> {
            hosts.createIfMissing(c);
            return null;
        });
        timers = Executors.newScheduledThreadPool(1, Thread.ofVirtual().name("daprj-sqlite-nr-", 0).factory());
        if (metadata.cleanupInterval().isPositive()) {
            long every = metadata.cleanupInterval().toMillis();
            timers.scheduleWithFixedDelay(() -> quietly("stale host cleanup", this::removeStale), 0, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void register(Instance self) {
        String id = UUID.randomUUID().toString();
        db.write(c -> {
            hosts.upsert(c, id, self.address(), self.appId(), self.namespace(), nowSeconds());
            return null;
        });
        long every = metadata.updateInterval().toMillis();
        ScheduledFuture<?> heartbeat = timers.scheduleWithFixedDelay(
                () -> quietly("heartbeat", this::heartbeat), every, every, TimeUnit.MILLISECONDS);
        Registration previous = registration.getAndSet(new Registration(id, self, heartbeat));
        if (previous != null) {
            withdraw(previous);
        }
    }

    @Override
    public void unregister() {
        Registration current = registration.getAndSet(null);
        if (current != null) {
            withdraw(current);
        }
    }

    @Override
    public Optional<Instance> resolve(String appId, String namespace) {
        String key = namespace + "/" + appId;
        long now = System.nanoTime();
        Resolved cached = recent.get(key);
        if (cached == null || now - cached.atNanos() >= CACHE_NANOS) {
            long freshAfter = nowSeconds() - metadata.livenessSeconds();
            List<String> addresses = db.read(c -> hosts.liveAddresses(c, appId, namespace, freshAfter));
            cached = new Resolved(addresses.stream().map(a -> instance(appId, namespace, a)).toList(), now);
            recent.put(key, cached);
        }
        List<Instance> live = cached.instances();
        return live.isEmpty() ? Optional.empty()
                : Optional.of(live.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(live.size())));
    }

    /** Deletes rows whose sidecars stopped refreshing them; returns how many. */
    int removeStale() {
        long staleSince = nowSeconds() - metadata.livenessSeconds();
        return db.write(c -> hosts.removeStale(c, staleSince));
    }

    @Override
    public void close() {
        if (db != null) {
            quietly("unregister at close", this::unregister);
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (db != null) {
            db.close();
        }
    }

    private void heartbeat() {
        Registration current = registration.get();
        if (current == null) {
            return;
        }
        long now = nowSeconds();
        db.write(c -> {
            if (!hosts.touch(c, current.id(), now)) {
                LOG.log(Level.WARNING, "name resolution row of {0} was gone; registering again", current.self());
                hosts.upsert(c, current.id(), current.self().address(), current.self().appId(),
                        current.self().namespace(), now);
            }
            return null;
        });
    }

    private void withdraw(Registration r) {
        r.heartbeat().cancel(false);
        db.write(c -> {
            hosts.remove(c, r.id());
            return null;
        });
    }

    private static Instance instance(String appId, String namespace, String address) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        // an IPv6 host is written [::1]:port
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new Instance(appId, namespace, host, Integer.parseInt(address.substring(colon + 1)));
    }

    private static long nowSeconds() {
        return Instant.now().getEpochSecond();
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // a busy or briefly unavailable file must not end the schedule; the next run tries again
            LOG.log(Level.WARNING, "sqlite name resolution " + what + " failed: " + e.getMessage(), e);
        }
    }
}
