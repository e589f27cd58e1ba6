package io.daprj.components.core.lock;

import io.daprj.conformance.lock.LockStoreConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.LockStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite lock store passes the lock conformance suite, on a file in a directory that does not exist yet. */
class SqliteLockStoreConformanceTest extends LockStoreConformance {

    @TempDir
    static Path dir;

    @Override
    protected LockStore newStore() {
        SqliteLockStore store = new SqliteLockStore();
        store.init(ComponentMetadata.of("lockstore", "lock.sqlite",
                Map.of("connectionString", dir.resolve("nested/lock.db").toString())));
        return store;
    }
}
