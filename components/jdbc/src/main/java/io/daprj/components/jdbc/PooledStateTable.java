package io.daprj.components.jdbc;

import static java.util.Objects.requireNonNull;

import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateTtl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link JdbcStateTable} behind a pool of JDBC connections: each call borrows a connection for itself alone, a
 * transaction of state operations is one database transaction, and an {@link SQLException} surfaces as the
 * store's own exception, made by {@code failure}. Anything else thrown (an ETag mismatch, a bad TTL) passes through.
 *
 * <p>Thread safe when the pool is; calls block and are meant for virtual threads.
 */
public final class PooledStateTable {

    private final DataSource pool;
    private final JdbcStateTable table;
    private final Function<SQLException, ? extends RuntimeException> failure;

    public PooledStateTable(DataSource pool, JdbcStateTable table,
            Function<SQLException, ? extends RuntimeException> failure) {
        this.pool = requireNonNull(pool, "pool");
        this.table = requireNonNull(table, "table");
        this.failure = requireNonNull(failure, "failure");
    }

    /** Runs {@code work} on a borrowed connection in auto-commit mode. */
    public <T> T call(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** One save in auto-commit mode, for a table whose save is a single statement. */
    public void set(SetRequest request) {
        Optional<Long> ttl = StateTtl.seconds(request.metadata());
        call(c -> {
            table.set(c, request, ttl);
            return null;
        });
    }

    public void delete(DeleteRequest request) {
        call(c -> {
            table.delete(c, request);
            return null;
        });
    }

    /**
     * Applies {@code operations} in order in one database transaction, rolled back whole when any of them fails.
     * Every TTL is read first, so a bad one rejects the transaction before a connection is even borrowed.
     */
    public void transact(List<StateOperation> operations) {
        List<Optional<Long>> ttls = operations.stream()
                .map(op -> op instanceof SetRequest set ? StateTtl.seconds(set.metadata()) : Optional.<Long>empty())
                .toList();
        if (operations.isEmpty()) {
            return;
        }
        call(c -> JdbcTransaction.run(c, tx -> {
            for (int i = 0; i < operations.size(); i++) {
                switch (operations.get(i)) {
                    case SetRequest set -> table.set(tx, set, ttls.get(i));
                    case DeleteRequest delete -> table.delete(tx, delete);
                }
            }
            return null;
        }));
    }
}
