package io.daprj.components.mysql.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Go's MySQL DSN, as Dapr documents it, becomes a MariaDB JDBC URL with the same user, server and options. */
class MySqlConnectionStringTest {

    @Test
    void daprsDocumentedDsnWithEmptyPassword() {
        MySqlConnectionString cs = MySqlConnectionString.parse("root:@tcp(127.0.0.1:3306)/test?parseTime=true",
                Optional.empty());
        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(cs.properties()).containsEntry("user", "root").doesNotContainKey("password");
    }

    @Test
    void passwordMayHoldAtSignsAndColons() {
        MySqlConnectionString cs = MySqlConnectionString.parse("dapr:p@ss:w0rd@tcp(db:3307)/orders", Optional.empty());
        assertThat(cs.jdbcUrl()).isEqualTo("jdbc:mariadb://db:3307/orders");
        assertThat(cs.properties()).containsEntry("user", "dapr").containsEntry("password", "p@ss:w0rd");
    }

    @Test
    void defaultsAndUnixSockets() {
        assertThat(MySqlConnectionString.parse("/db", Optional.empty()).jdbcUrl())
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/db");
        assertThat(MySqlConnectionString.parse("u@tcp(db)/x", Optional.empty()).jdbcUrl())
                .isEqualTo("jdbc:mariadb://db:3306/x");
        MySqlConnectionString socket = MySqlConnectionString.parse("u@unix(/run/mysqld.sock)/x", Optional.empty());
        assertThat(socket.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost/x");
        assertThat(socket.properties()).containsEntry("localSocket", "/run/mysqld.sock");
    }

    @Test
    void tlsAndTimeoutsAreTranslated() {
        MySqlConnectionString cs = MySqlConnectionString.parse(
                "u:p@tcp(h:3306)/d?tls=custom&timeout=5s&readTimeout=1m&charset=utf8mb4", Optional.of("/ca.pem"));
        assertThat(cs.properties()).containsEntry("sslMode", "verify-full").containsEntry("serverSslCert", "/ca.pem")
                .containsEntry("connectTimeout", "5000").containsEntry("socketTimeout", "60000");
        assertThat(MySqlConnectionString.parse("u@tcp(h)/d?tls=skip-verify", Optional.empty()).properties())
                .containsEntry("sslMode", "trust");
    }

    @Test
    void jdbcUrlsAreTakenAsMariaDbUrls() {
        assertThat(MySqlConnectionString.parse("jdbc:mysql://h:3306/d?user=u", Optional.empty()).jdbcUrl())
                .isEqualTo("jdbc:mariadb://h:3306/d?user=u");
        assertThat(MySqlConnectionString.parse("jdbc:mariadb://h/d", Optional.empty()).jdbcUrl())
                .isEqualTo("jdbc:mariadb://h/d");
    }

    @Test
    void malformedDsnsAreReportedByFieldName() {
        assertThatThrownBy(() -> MySqlConnectionString.parse("root@localhost", Optional.empty()))
                .hasMessageContaining("connectionString");
        assertThatThrownBy(() -> MySqlConnectionString.parse("u@udp(h)/d", Optional.empty()))
                .hasMessageContaining("udp");
        assertThatThrownBy(() -> MySqlConnectionString.parse("u@tcp(h)/d?tls=custom", Optional.empty()))
                .hasMessageContaining("pemPath");
        assertThatThrownBy(() -> MySqlConnectionString.parse("u@tcp(h)/d?timeout=soon", Optional.empty()))
                .hasMessageContaining("timeout");
    }

    @Test
    void passwordNeverShowsInToString() {
        assertThat(MySqlConnectionString.parse("u:hunter2@tcp(h)/d", Optional.empty()).toString())
                .doesNotContain("hunter2");
    }
}
