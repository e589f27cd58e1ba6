package io.daprj.components.mysql.bindings;

import java.time.Duration;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.mysql}, with Dapr's names. Go's {@code database/sql} pool settings map
 * onto HikariCP, which has floors of its own: a lifetime under 30s and an idle time under 10s are raised to them.
 *
 * @param url Go's DSN {@code user:password@tcp(host:port)/dbname?param=value}, read as {@code state.mysql} reads
 *     its connection string; a {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL is taken as it is
 * @param pemPath the CA certificates for {@code tls=custom}
 * @param maxIdleConns connections kept open while unused; 2 by default, as in Go
 * @param maxOpenConns the most open connections; 0 means Go's unlimited, here a pool of 10
 * @param connMaxLifetime how long a connection may be reused; unlimited by default
 * @param connMaxIdleTime how long a connection may stay unused; unlimited by default
 */
record MySqlBindingMetadata(
        Optional<String> url,
        Optional<String> pemPath,
        Optional<Integer> maxIdleConns,
        Optional<Integer> maxOpenConns,
        Optional<Duration> connMaxLifetime,
        Optional<Duration> connMaxIdleTime) {

    private static final int UNLIMITED_POOL = 10;

    MySqlBindingMetadata {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("missing MySql connection string");
        }
    }

    /** The pool's size. */
    int poolSize() {
        return maxOpenConns.filter(n -> n > 0).orElse(UNLIMITED_POOL);
    }

    /** The connections kept while idle, never more than the pool holds. */
    int minimumIdle() {
        return Math.min(poolSize(), maxIdleConns.filter(n -> n >= 0).orElse(2));
    }
}
