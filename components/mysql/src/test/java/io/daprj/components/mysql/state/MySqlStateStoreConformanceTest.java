package io.daprj.components.mysql.state;

import io.daprj.conformance.state.StateStoreConformance;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * The MySQL store passes the state conformance suite on the MariaDB server, in a schema of its own that is dropped
 * afterwards; its ETags are random UUIDs, so a foreign ETag is reported as a mismatch.
 */
class MySqlStateStoreConformanceTest extends StateStoreConformance {

    private static final MySqlTestDatabase DB = new MySqlTestDatabase();

    @AfterAll
    static void dropSchema() throws SQLException {
        DB.drop();
    }

    @Override
    protected StateStore newStore() throws SQLException {
        return DB.store(Map.of());
    }

    @Override
    protected Set<StateFeature> expectedFeatures() {
        return EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL);
    }
}
