package io.daprj.components.postgres.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.components.jdbc.PooledStateTable;
import io.daprj.components.query.JsonQueryEngine;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.TransactionalStateStore;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.QueryableStateStore;
import io.daprj.spi.state.query.StateQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code state.postgresql}: state in a PostgreSQL table, in Dapr's v1 layout (jsonb value, ETag = {@code xmin}) or
 * v2 layout (bytea value, ETag = a uuid), chosen by the component's {@code version}. Features: ETag, transactions,
 * TTL, query. Expired rows read as absent at once and are deleted every {@code cleanupInterval}. Queries read the live
 * rows of the app's key prefix and filter them in the sidecar with the shared JSON query engine (values are stored
 * as bytes, not jsonb, so SQL cannot see inside them); their cost grows with the app's number of keys.
 *
 * <p>Thread safe; calls block on a HikariCP pool of JDBC connections and are meant for virtual threads. A single
 * write is one statement; a transaction is one database transaction, rolled back whole when any ETag check fails.
 * Every statement gets {@code timeout}. Database failures surface as {@link PostgresException} (internal errors).
 */
public final class PostgresStateStore implements TransactionalStateStore, QueryableStateStore {

    private static final Set<StateFeature> FEATURES =
            Set.copyOf(EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL, StateFeature.QUERY_API));

    private HikariDataSource db;
    private PostgresStateTable table;
    private PooledStateTable rows;
    private PostgresExpiredRows cleanup;

    @Override
    public void init(ComponentMetadata componentMetadata) throws SQLException {
        PostgresStateMetadata metadata = componentMetadata.bind(PostgresStateMetadata.class);
        PostgresConnectionString target = PostgresConnectionString.parse(metadata.connectionString());
        PostgresLayout layout = componentMetadata.version().equals("v2")
                ? new PostgresV2Layout(metadata.v2TableName(), metadata.tablePrefix())
                : new PostgresV1Layout(metadata.tableName());
        table = new PostgresStateTable(layout, metadata.callTimeout());
        db = new HikariDataSource(poolConfig(componentMetadata.name(), metadata, target));
        rows = new PooledStateTable(db, table, e -> new PostgresException("state store " + layout.table(), e));
        try {
            PostgresMigrations.run(db, metadata.metadataTableName(), layout);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
        if (metadata.cleanupEvery().isPresent()) {
            cleanup = new PostgresExpiredRows(db, table, metadata.metadataTableName(), metadata.cleanupEvery().get());
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

    /** One query reads every key. */
    @Override
    public List<BulkGetItem> bulkGet(List<GetRequest> requests) {
        List<String> keys = requests.stream().map(GetRequest::key).distinct().toList();
        Map<String, StateItem> found = rows.call(c -> table.getMany(c, keys));
        List<BulkGetItem> items = new ArrayList<>(requests.size());
        requests.forEach(r -> items.add(
                new BulkGetItem(r.key(), Optional.ofNullable(found.get(r.key())), Optional.empty())));
        return items;
    }

    @Override
    public void set(SetRequest request) {
        rows.set(request);
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
    public QueryResponse query(StateQuery query, Map<String, String> metadata) {
        return JsonQueryEngine.run(query, rows.call(c -> table.scan(c, query.keyPrefix())));
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

    private static HikariConfig poolConfig(String name, PostgresStateMetadata metadata,
            PostgresConnectionString target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("daprj-state-" + name);
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        config.setDataSourceProperties(target.properties());
        config.setMaximumPoolSize(metadata.maxConns().or(target::poolMaxConns)
                .orElse(Math.max(4, Runtime.getRuntime().availableProcessors())));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(metadata.callTimeout().toMillis());
        config.setInitializationFailTimeout(metadata.callTimeout().toMillis());
        metadata.connectionMaxIdleTime().ifPresent(t -> config.setIdleTimeout(t.toMillis()));
        return config;
    }
}
