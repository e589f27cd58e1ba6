package io.daprj.runtime.state;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.ComponentProvider;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@code state.plain} (tests only): a store with no optional feature, to see how the API treats missing ones. */
public final class PlainStateStore implements StateStore {

    private final Map<String, byte[]> values = new ConcurrentHashMap<>();

    @Override
    public void init(ComponentMetadata metadata) {}

    @Override
    public Set<StateFeature> features() {
        return Set.of();
    }

    @Override
    public Optional<StateItem> get(GetRequest request) {
        return Optional.ofNullable(values.get(request.key()))
                .map(v -> new StateItem(v, Optional.empty(), Map.of(), Optional.empty()));
    }

    @Override
    public void set(SetRequest request) {
        values.put(request.key(), request.value());
    }

    @Override
    public void delete(DeleteRequest request) {
        values.remove(request.key());
    }

    /** Its provider. */
    public static final class Provider implements ComponentProvider<StateStore> {
        @Override
        public String type() {
            return "state.plain";
        }

        @Override
        public Class<StateStore> kind() {
            return StateStore.class;
        }

        @Override
        public StateStore create() {
            return new PlainStateStore();
        }
    }
}
