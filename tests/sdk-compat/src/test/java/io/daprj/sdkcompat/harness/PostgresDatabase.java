package io.daprj.sdkcompat.harness;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of this machine (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth) as
 * the sidecar's {@code state.postgresql} sees it, plus reading and dropping the tables a test class made there.
 */
public final class PostgresDatabase {

    /** The libpq form a Dapr component YAML uses. */
    public static final String CONNECTION_STRING = "host=127.0.0.1 user=postgres port=5432 database=test";

    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private PostgresDatabase() {}

    /** A table name no other run uses: {@code base} plus a random suffix. */
    public static String uniqueTableName(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The value of {@code key} in a v1-layout table as the store holds it: the jsonb text, or, where {@code isbinary}
     * says Dapr stored bytes as a JSON string of their base64, those bytes as UTF-8.
     */
    public static Optional<String> v1Value(String table, String key) throws SQLException {
        requirePlainName(table);
        try (Connection connection = DriverManager.getConnection(JDBC_URL);
                PreparedStatement select = connection.prepareStatement(
                        "SELECT isbinary, CASE WHEN isbinary THEN value #>> '{}' ELSE value::text END FROM " + table
                                + " WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String value = row.getString(2);
                return Optional.of(row.getBoolean(1)
                        ? new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)
                        : value);
            }
        }
    }

    /** Drops each table if it exists. */
    public static void dropTables(String... tables) throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                requirePlainName(table);
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static void requirePlainName(String table) {
        if (!PLAIN_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table: '" + table + "' (expected: lower-case letters, digits, _)");
        }
    }
}
