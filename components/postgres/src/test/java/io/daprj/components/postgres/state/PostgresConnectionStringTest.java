package io.daprj.components.postgres.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every form of {@code connectionString} Dapr (pgx) accepts becomes the same JDBC URL and properties. */
class PostgresConnectionStringTest {

    @Test
    void urlFormCarriesUserPasswordDatabaseAndParameters() {
        PostgresConnectionString cs = PostgresConnectionString.parse(
                "postgres://dapr:p%40ss@db.local:5433/orders?sslmode=disable&application_name=app&pool_max_conns=7");
        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/orders");
        assertThat(cs.properties()).containsEntry("user", "dapr").containsEntry("password", "p@ss")
                .containsEntry("sslmode", "disable").containsEntry("ApplicationName", "app");
        assertThat(cs.poolMaxConns()).contains(7);
    }

    @Test
    void urlFormWithoutPortOrPasswordUsesDefaults() {
        PostgresConnectionString cs = PostgresConnectionString.parse("postgresql://postgres@localhost/test");
        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
        assertThat(cs.properties()).containsEntry("user", "postgres").doesNotContainKey("password");
    }

    @Test
    void urlFormWithSeveralHostsAndIpv6() {
        assertThat(PostgresConnectionString.parse("postgres://u@a:1,b:2/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:1,b:2/db");
        assertThat(PostgresConnectionString.parse("postgres://u@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void keywordFormWithQuotedValuesAndBothDatabaseNames() {
        PostgresConnectionString cs = PostgresConnectionString.parse(
                "host=127.0.0.1 port=5432 user=postgres password='it\\'s secret' dbname=test connect_timeout=10");
        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(cs.properties()).containsEntry("password", "it's secret").containsEntry("connectTimeout", "10");
        assertThat(PostgresConnectionString.parse("host=h database=other").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/other");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        assertThat(PostgresConnectionString.parse(url).jdbcUrl()).isEqualTo(url);
    }

    @Test
    void passwordNeverShowsInToString() {
        assertThat(PostgresConnectionString.parse("host=h password=hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void malformedStringsAreReportedByFieldName() {
        assertThatThrownBy(() -> PostgresConnectionString.parse("host=h port=abc"))
                .hasMessageContaining("connectionString").hasMessageContaining("port");
        assertThatThrownBy(() -> PostgresConnectionString.parse("just-a-word"))
                .hasMessageContaining("connectionString");
        assertThatThrownBy(() -> PostgresConnectionString.parse("host=h password='open"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PostgresConnectionString.parse("host=/var/run/postgresql"))
                .hasMessageContaining("Unix socket");
    }
}
