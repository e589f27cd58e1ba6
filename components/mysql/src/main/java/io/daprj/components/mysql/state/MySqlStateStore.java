package io.daprj.components.mysql.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.components.jdbc.PooledStateTable;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.TransactionalStateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code state.mysql}: state in a MySQL or MariaDB table in Dapr's layout. Features: ETag, transactions, TTL. ETags
 * are random UUIDs, so an ETag the store never produced is reported as a mismatch, as in Dapr. Expired rows read as
 * absent at once and are deleted every {@code cleanupInterval}.
 *
 * <p>Thread safe; calls block on a HikariCP pool of JDBC connections (READ COMMITTED, so first-write races end in a
 * duplicate key rather than a deadlock) and are meant for virtual threads. A transaction is one database
 * transaction, rolled back whole when any check fails. Every statement gets {@code timeoutInSeconds}. Database
 * failures surface as {@link MySqlException} (internal errors).
 */
public final class MySqlStateStore implements TransactionalStateStore {

    private static final Set<StateFeature> FEATURES =
            Set.copyOf(EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL));
    /** Keys per bulk-get query, well below the server's limit on placeholders. */
    private static final int BULK_GET_CHUNK = 500;

    private HikariDataSource db;
    private MySqlStateTable table;
    private PooledStateTable rows;
    private MySqlExpiredRows cleanup;

    @Override
    public void init(ComponentMetadata componentMetadata) throws SQLException {
        MySqlStateMetadata metadata = componentMetadata.bind(MySqlStateMetadata.class);
        MySqlConnectionString target = MySqlConnectionString.parse(metadata.connectionString(), metadata.pemPath());
        table = new MySqlStateTable(metadata.qualifiedTable(), metadata.callTimeout());
        db = new HikariDataSource(poolConfig(componentMetadata.name(), metadata, target));
        rows = new PooledStateTable(db, table, e -> new MySqlException("state store " + table.name(), e));
        try (Connection c = db.getConnection()) {
            MySqlSchema.ensure(c, metadata);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
        if (metadata.cleanupEvery().isPresent()) {
            cleanup = new MySqlExpiredRows(db, table, metadata, metadata.cleanupEvery().get());
            cleanup.start();
        }
    }

    @Override
    public Set<StateFeature> features() {
        return FEATURES;
    }

    @Override
    public Optional<StateItem> get(GetRequest request) {
        return Optional.ofNullable(rows.call(c -> table.getMany(c, List.of(request.key()))).get(request.key()));
    }

    @Override
    public List<BulkGetItem> bulkGet(List<GetRequest> requests) {
        List<String> keys = requests.stream().map(GetRequest::key).distinct().toList();
        Map<String, StateItem> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BULK_GET_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + BULK_GET_CHUNK));
            found.putAll(rows.call(c -> table.getMany(c, chunk)));
        }
        List<BulkGetItem> items = new ArrayList<>(requests.size());
        requests.forEach(r -> items.add(
                new BulkGetItem(r.key(), Optional.ofNullable(found.get(r.key())), Optional.empty())));
        return items;
    }

    @Override
    public void set(SetRequest request) {
        transact(List.of(request), Map.of());
    }

    @Override
    public void delete(DeleteRequest request) {
        rows.delete(request);
    }

    @Override
    public void transact(List<StateOperation> operations, Map<String, String> transactionMetadata) {
        rows.transact(operations);
    }

    /** Deletes expired rows now, if it is this store's turn; -1 when it is not, or cleanup is off. */
    int cleanupExpired() throws SQLException {
        return cleanup == null ? -1 : cleanup.clean();
    }

    @Override
    public void close() {
        if (cleanup != null) {
            cleanup.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static HikariConfig poolConfig(String name, MySqlStateMetadata metadata, MySqlConnectionString target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("daprj-state-" + name);
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        config.setDataSourceProperties(target.properties());
        // the SQL relies on changed-row counts, not the matched-row counts the driver reports by default
        config.addDataSourceProperty("useAffectedRows", "true");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(metadata.maxConns());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(metadata.callTimeout().toMillis());
        config.setInitializationFailTimeout(metadata.callTimeout().toMillis());
        return config;
    }
}
