package io.daprj.components.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateOptions;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PooledStateTableTest {

    /** What the fake connection and table were asked to do, in order. */
    private final List<String> log = new ArrayList<>();

    private final JdbcStateTable table = new JdbcStateTable() {
        @Override
        public void set(Connection c, SetRequest request, Optional<Long> ttlSeconds) throws SQLException {
            if (request.key().equals("broken")) {
                throw new SQLException("connection lost", "08006");
            }
            if (request.key().equals("stale")) {
                throw new ETagMismatchException(request.key());
            }
            log.add("set " + request.key() + ttlSeconds.map(s -> " ttl " + s).orElse(""));
        }

        @Override
        public void delete(Connection c, DeleteRequest request) {
            log.add("delete " + request.key());
        }
    };

    private final PooledStateTable pooled =
            new PooledStateTable(pool(), table, e -> new IllegalStateException("store failed", e));

    @Test
    void transactionAppliesOperationsInOrderAndCommitsOnce() {
        pooled.transact(List.of(set("a", Map.of("ttlInSeconds", "5")), DeleteRequest.of("b"), set("c", Map.of())));

        assertThat(log).containsExactly("borrow", "setAutoCommit false", "set a ttl 5", "delete b", "set c",
                "commit", "setAutoCommit true", "close");
    }

    @Test
    void failedOperationRollsBackTheWholeTransactionAndPassesThrough() {
        assertThatThrownBy(() -> pooled.transact(List.of(set("a", Map.of()), set("stale", Map.of()))))
                .isInstanceOf(ETagMismatchException.class);

        assertThat(log).containsExactly("borrow", "setAutoCommit false", "set a", "rollback", "setAutoCommit true",
                "close");
    }

    @Test
    void badTtlRejectsTheTransactionBeforeAConnectionIsBorrowed() {
        assertThatThrownBy(() -> pooled.transact(List.of(set("a", Map.of()), set("b", Map.of("ttlInSeconds", "x")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttlInSeconds");

        assertThat(log).isEmpty();
    }

    @Test
    void emptyTransactionBorrowsNoConnection() {
        pooled.transact(List.of());

        assertThat(log).isEmpty();
    }

    @Test
    void sqlFailureSurfacesAsTheStoresOwnException() {
        assertThatThrownBy(() -> pooled.set(set("broken", Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("store failed")
                .cause().isInstanceOf(SQLException.class).hasMessage("connection lost");

        assertThat(log).containsExactly("borrow", "close");
    }

    @Test
    void singleWritesRunInAutoCommitMode() {
        pooled.set(set("a", Map.of("ttlInSeconds", "-1")));
        pooled.delete(DeleteRequest.of("a"));

        assertThat(log).containsExactly("borrow", "set a", "close", "borrow", "delete a", "close");
    }

    private static SetRequest set(String key, Map<String, String> metadata) {
        return new SetRequest(key, "v".getBytes(UTF_8), Optional.empty(), metadata, StateOptions.DEFAULT,
                Optional.empty());
    }

    /** A pool lending a fake connection that logs its transaction calls. */
    private DataSource pool() {
        Connection connection = fake(Connection.class, (method, args) -> {
            switch (method) {
                case "setAutoCommit" -> log.add("setAutoCommit " + args[0]);
                case "commit", "rollback", "close" -> log.add(method);
                default -> throw new UnsupportedOperationException(method);
            }
        });
        return fake(DataSource.class, (method, args) -> {
            if (!method.equals("getConnection")) {
                throw new UnsupportedOperationException(method);
            }
            log.add("borrow");
        }, connection);
    }

    private interface Call {
        void on(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Call call) {
        return fake(type, call, null);
    }

    private static <T> T fake(Class<T> type, Call call, Object result) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            call.on(method.getName(), args);
            return result;
        }));
    }
}
