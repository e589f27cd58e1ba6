package io.daprj.conformance.state;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateStore;
import io.daprj.spi.state.StateTtl;
import io.daprj.spi.state.TransactionalStateStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simplest correct store, for testing the suite itself, with switches that break one behaviour each. Every
 * method is synchronized: clarity beats speed in a test double.
 */
class MapStateStore implements StateStore {

    /** One deliberate defect. */
    enum Fault { IGNORES_ETAGS, NEVER_EXPIRES, SHARES_BYTES, PARTIAL_TRANSACTIONS }

    private record Entry(byte[] data, String etag, Optional<Instant> expires) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<StateFeature> declared;
    private final Set<Fault> faults;
    private long version;

    MapStateStore(Set<StateFeature> declared, Set<Fault> faults) {
        this.declared = Set.copyOf(declared);
        this.faults = Set.copyOf(faults);
    }

    /** The same store with transactions. */
    static final class Transactional extends MapStateStore implements TransactionalStateStore {

        Transactional(Set<StateFeature> declared, Set<Fault> faults) {
            super(declared, faults);
        }

        @Override
        public synchronized void transact(List<StateOperation> operations, Map<String, String> metadata) {
            Map<String, Entry> before = new HashMap<>(entries());
            try {
                operations.forEach(op -> {
                    switch (op) {
                        case SetRequest s -> set(s);
                        case DeleteRequest d -> delete(d);
                    }
                });
            } catch (RuntimeException e) {
                if (!has(Fault.PARTIAL_TRANSACTIONS)) {
                    entries().clear();
                    entries().putAll(before);
                }
                throw e;
            }
        }
    }

    @Override
    public void init(ComponentMetadata metadata) {}

    @Override
    public Set<StateFeature> features() {
        return declared;
    }

    @Override
    public synchronized Optional<StateItem> get(GetRequest request) {
        return Optional.ofNullable(live(request.key())).map(e -> new StateItem(
                has(Fault.SHARES_BYTES) ? e.data() : e.data().clone(), Optional.of(e.etag()),
                StateTtl.responseMetadata(e.expires()), Optional.empty()));
    }

    @Override
    public synchronized void set(SetRequest request) {
        Optional<Instant> expires = Optional.empty();
        if (declared.contains(StateFeature.TTL)) {
            expires = StateTtl.seconds(request.metadata()).filter(s -> s > 0).map(Instant.now()::plusSeconds);
        }
        Entry current = live(request.key());
        if (!has(Fault.IGNORES_ETAGS) && (request.etag().isPresent()
                ? current == null || !current.etag().equals(request.etag().get())
                : request.options().firstWrite() && current != null)) {
            throw new ETagMismatchException(request.key());
        }
        byte[] data = has(Fault.SHARES_BYTES) ? request.value() : request.value().clone();
        entries.put(request.key(), new Entry(data, Long.toString(++version),
                has(Fault.NEVER_EXPIRES) ? Optional.empty() : expires));
    }

    @Override
    public synchronized void delete(DeleteRequest request) {
        Entry current = live(request.key());
        if (!has(Fault.IGNORES_ETAGS) && request.etag().isPresent()
                && (current == null || !current.etag().equals(request.etag().get()))) {
            throw new ETagMismatchException(request.key());
        }
        entries.remove(request.key());
    }

    Map<String, Entry> entries() {
        return entries;
    }

    boolean has(Fault fault) {
        return faults.contains(fault);
    }

    private Entry live(String key) {
        Entry e = entries.get(key);
        return e == null || e.expires().map(Instant.now()::isBefore).orElse(true) ? e : null;
    }
}
