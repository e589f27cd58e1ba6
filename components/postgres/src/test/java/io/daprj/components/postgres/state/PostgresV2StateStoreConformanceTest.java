package io.daprj.components.postgres.state;

import io.daprj.conformance.state.StateStoreConformance;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/** The v2 layout passes the state conformance suite on the real server; a non-UUID ETag is a mismatch, as in Dapr. */
class PostgresV2StateStoreConformanceTest extends StateStoreConformance {

    private static final PostgresTestDatabase DB = new PostgresTestDatabase();

    @AfterAll
    static void dropTables() throws SQLException {
        DB.dropTables();
    }

    @Override
    protected StateStore newStore() throws SQLException {
        return DB.store("v2", Map.of());
    }

    @Override
    protected Set<StateFeature> expectedFeatures() {
        return EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API);
    }
}
