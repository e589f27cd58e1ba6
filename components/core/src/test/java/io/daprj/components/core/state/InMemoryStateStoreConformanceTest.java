package io.daprj.components.core.state;

import io.daprj.conformance.state.StateStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The in-memory store passes the state conformance suite; a foreign ETag is reported as a mismatch. */
class InMemoryStateStoreConformanceTest extends StateStoreConformance {

    @Override
    protected StateStore newStore() {
        InMemoryStateStore store = new InMemoryStateStore();
        store.init(ComponentMetadata.of("statestore", "state.in-memory", Map.of()));
        return store;
    }

    @Override
    protected Set<StateFeature> expectedFeatures() {
        return EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API);
    }
}
