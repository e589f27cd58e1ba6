package io.daprj.components.mysql.state;

import io.daprj.spi.ComponentMetadata;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The MariaDB server this machine runs (127.0.0.1:3306, root without password) as tests see it: a schema unique to
 * one test class run, stores on it, and raw JDBC for checking rows.
 */
final class MySqlTestDatabase {

    static final String DSN = "root:@tcp(127.0.0.1:3306)/test?parseTime=true";
    static final String JDBC_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    final String schema = "daprj_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    MySqlStateStore store(Map<String, String> extra) throws SQLException {
        Map<String, String> properties = new HashMap<>(Map.of("connectionString", DSN, "schemaName", schema));
        properties.putAll(extra);
        MySqlStateStore store = new MySqlStateStore();
        store.init(ComponentMetadata.of("statestore", "state.mysql", properties));
        return store;
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first row of {@code sql}, each column as text; empty when there is no row. */
    static List<String> row(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(JDBC_URL); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
            }
            return values;
        }
    }

    void drop() throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + schema + "`");
    }
}
