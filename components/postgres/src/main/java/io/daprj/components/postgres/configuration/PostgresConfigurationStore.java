package io.daprj.components.postgres.configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.components.postgres.state.PostgresConnectionString;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code configuration.postgresql}: Dapr's PostgreSQL configuration store. Items are rows of the {@code table}
 * (columns {@code KEY}, {@code VALUE}, {@code VERSION}, {@code METADATA} json); when a key has several rows, the one
 * with the highest numeric version wins, as in Dapr. Subscriptions {@code LISTEN} on the channel that the table's
 * trigger (the one Dapr's documentation gives) notifies with the changed row ({@link PostgresListenSubscription}).
 *
 * <p>Thread safe: reads use a HikariCP pool; each subscription holds one connection of its own. Calls block
 * (callers are virtual threads). Database failures surface as {@link IllegalStateException}s naming the cause.
 */
public final class PostgresConfigurationStore implements ConfigurationStore {

    private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9./_]*$");

    private final Map<String, PostgresListenSubscription> subscriptions = new ConcurrentHashMap<>();
    private PostgresConfigurationMetadata metadata;
    private PostgresConnectionString target;
    private HikariDataSource db;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(PostgresConfigurationMetadata.class);
        target = PostgresConnectionString.parse(metadata.connectionString());
        db = new HikariDataSource(poolConfig(componentMetadata.name()));
        try (Connection c = db.getConnection();
                PreparedStatement exists = c.prepareStatement(
                        "SELECT EXISTS (SELECT FROM pg_tables WHERE tablename = ?)")) {
            exists.setString(1, metadata.table());
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new IllegalStateException("postgreSQL configuration table '" + metadata.table()
                            + "' does not exist");
                }
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("error in checking if configtable '" + metadata.table() + "' exists: "
                    + e.getMessage(), e);
        }
    }

    private HikariConfig poolConfig(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("daprj-configuration-" + name);
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(target.jdbcUrl());
        config.setDataSourceProperties(target.properties());
        config.setMaximumPoolSize(metadata.maxConns().or(target::poolMaxConns).filter(n -> n > 0).orElse(4));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(metadata.callTimeout().toMillis());
        config.setInitializationFailTimeout(metadata.callTimeout().toMillis());
        return config;
    }

    @Override
    public Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> requestMetadata) {
        keys.stream().filter(k -> !KEY.matcher(k).matches()).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("invalid key : '" + k + "'");
        });
        String sql = "SELECT key, value, version, metadata FROM " + metadata.table()
                + (keys.isEmpty() ? "" : " WHERE key IN (" + String.join(", ", Collections.nCopies(keys.size(), "?"))
                        + ")");
        Map<String, ConfigurationItem> items = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setQueryTimeout((int) Math.max(1, metadata.callTimeout().toSeconds()));
            for (int i = 0; i < keys.size(); i++) {
                query.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ConfigurationItem item = new ConfigurationItem(rs.getString(2), rs.getString(3),
                            PostgresNotification.metadata(rs.getString(4)));
                    items.merge(rs.getString(1), item, PostgresConfigurationStore::newer);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("error in querying configuration store: " + e.getMessage(), e);
        }
        return items;
    }

    /** Dapr's rule for several rows of one key: a higher numeric version replaces; a non-number counts as -1. */
    private static ConfigurationItem newer(ConfigurationItem kept, ConfigurationItem other) {
        return numericVersion(other) > numericVersion(kept) ? other : kept;
    }

    private static long numericVersion(ConfigurationItem item) {
        try {
            return Long.parseLong(item.version());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String subscribe(List<String> keys, Map<String, String> requestMetadata, ConfigurationHandler handler) {
        String fromRequest = requestMetadata.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("pgNotifyChannel"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        String channel = metadata.channel(java.util.Optional.of(fromRequest)).orElseThrow(() ->
                new IllegalArgumentException("unable to subscribe to \"" + metadata.table()
                        + "\". notifyChannel must be set in component metadata or request metadata"));
        String id = UUID.randomUUID().toString();
        try {
            Connection listening = DriverManager.getConnection(target.jdbcUrl(), target.properties());
            subscriptions.put(id, new PostgresListenSubscription(id, listening, channel, keys, handler));
        } catch (SQLException e) {
            throw new IllegalStateException("error listening to channel " + channel + ": " + e.getMessage(), e);
        }
        return id;
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        PostgresListenSubscription subscription = subscriptions.remove(subscriptionId);
        if (subscription == null) {
            throw new IllegalArgumentException("unable to find subscription with ID : " + subscriptionId);
        }
        subscription.close();
    }

    @Override
    public void close() {
        subscriptions.values().forEach(PostgresListenSubscription::close);
        subscriptions.clear();
        if (db != null) {
            db.close();
        }
    }
}
