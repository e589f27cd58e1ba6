package io.daprj.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The direct path for Redis and PostgreSQL: the same read and write made with the database's own Java client
 * (Lettuce; JDBC with HikariCP), no daprj code in between, shaped as a {@link StateStore} so the state phase can run
 * it like the other direct paths. A read is one HGET / one SELECT; a write one HSET / one upsert.
 */
final class RawClientStores {

    private RawClientStores() {}

    /** Redis through Lettuce: the value in hash field {@code data}, as Dapr lays it out. */
    static StateStore redis(String host, int port) {
        RedisClient client = RedisClient.create("redis://" + host + ":" + port);
        StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
        byte[] field = "data".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Raw() {
            @Override
            public Optional<StateItem> get(GetRequest request) {
                byte[] value = connection.sync().hget(key(request.key()), field);
                return Optional.ofNullable(value).map(v -> new StateItem(v, Optional.empty(), Map.of(), Optional.empty()));
            }

            @Override
            public void set(SetRequest request) {
                connection.sync().hset(key(request.key()), field, request.value());
            }

            @Override
            public void close() {
                connection.close();
                client.shutdown();
            }

            private byte[] key(String key) {
                return ("bench-direct||" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        };
    }

    /** PostgreSQL through JDBC and a HikariCP pool, on a table of its own. */
    static StateStore postgres(String jdbcUrl, String table) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(10);
        HikariDataSource db = new HikariDataSource(config);
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS " + table + " (key text PRIMARY KEY, value bytea NOT NULL)");
        }
        return new Raw() {
            @Override
            public Optional<StateItem> get(GetRequest request) {
                try (Connection c = db.getConnection();
                        PreparedStatement ps = c.prepareStatement("SELECT value FROM " + table + " WHERE key = ?")) {
                    ps.setString(1, request.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new StateItem(rs.getBytes(1), Optional.empty(), Map.of(), Optional.empty()))
                                : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void set(SetRequest request) {
                try (Connection c = db.getConnection();
                        PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                                + " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                    ps.setString(1, request.key());
                    ps.setBytes(2, request.value());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                try (Connection c = db.getConnection()) {
                    c.createStatement().execute("DROP TABLE IF EXISTS " + table);
                } catch (SQLException e) {
                    // the table is only benchmark data
                }
                db.close();
            }
        };
    }

    /** What the raw stores do not need. */
    private abstract static class Raw implements StateStore {
        @Override
        public void init(ComponentMetadata metadata) {}

        @Override
        public Set<StateFeature> features() {
            return Set.of();
        }

        @Override
        public void delete(DeleteRequest request) {
            throw new UnsupportedOperationException("the benchmark never deletes");
        }
    }
}
