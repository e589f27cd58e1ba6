package io.daprj.components.core.state;

import io.daprj.conformance.state.StateStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store passes the state conformance suite, on a file in a directory that does not exist yet; its ETags
 * are random UUIDs, so a foreign ETag is reported as a mismatch.
 */
class SqliteStateStoreConformanceTest extends StateStoreConformance {

    @TempDir
    static Path dir;

    @Override
    protected StateStore newStore() {
        SqliteStateStore store = new SqliteStateStore();
        store.init(ComponentMetadata.of("statestore", "state.sqlite",
                Map.of("connectionString", dir.resolve("nested/dir/state.db").toString())));
        return store;
    }

    @Override
    protected Set<StateFeature> expectedFeatures() {
        return EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API);
    }
}
