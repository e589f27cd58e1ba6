package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.PostgresDatabase;
import java.nio.file.Path;

/**
 * Encrypted state on {@code state.postgresql} (v1 layout) in tables of this run, dropped afterwards. The raw value is
 * the row's jsonb {@code value}, base64-decoded when {@code isbinary} says Dapr stored bytes that way.
 */
@RequiresComponentModule(module = "postgres", componentType = "state.postgresql")
class SdkEncryptedStateOnPostgresTest extends AbstractSdkEncryptedStateTest {

    private final String table = PostgresDatabase.uniqueTableName("sdkcompat_enc");
    private final String metadataTable = PostgresDatabase.uniqueTableName("sdkcompat_enc_metadata");

    @Override
    String storeSpec(Path workDir) {
        return """
                  type: state.postgresql
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                  - {name: tableName, value: "%s"}
                  - {name: metadataTableName, value: "%s"}
                """.formatted(PostgresDatabase.CONNECTION_STRING, table, metadataTable);
    }

    @Override
    String rawValue(String key) throws Exception {
        return PostgresDatabase.v1Value(table, APP_ID + "||" + key)
                .orElseThrow(() -> new AssertionError("no row for " + APP_ID + "||" + key + " in " + table));
    }

    @Override
    void afterSidecarsStopped() throws Exception {
        PostgresDatabase.dropTables(table, metadataTable);
    }
}
