package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Encrypted state on a {@code state.sqlite} file both sidecars share; raw rows read with sqlite-jdbc. */
class SdkEncryptedStateOnSqliteTest extends AbstractSdkEncryptedStateTest {

    private Path database;

    @Override
    String storeSpec(Path workDir) {
        database = workDir.resolve("state.db");
        return """
                  type: state.sqlite
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                """.formatted(database);
    }

    @Override
    String rawValue(String key) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement select = connection.prepareStatement("SELECT value FROM state WHERE key = ?")) {
            select.setString(1, APP_ID + "||" + key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a row for %s||%s in %s", APP_ID, key, database).isTrue();
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
