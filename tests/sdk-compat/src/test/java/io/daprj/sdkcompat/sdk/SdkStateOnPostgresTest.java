package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The SDK's state calls against {@code state.postgresql} in Dapr's v1 layout (jsonb values) on the PostgreSQL server
 * of this machine, in tables of this run only, dropped afterwards. Skipped while the distribution has no PostgreSQL
 * module.
 */
@RequiresComponentModule(module = "postgres", componentType = "state.postgresql")
class SdkStateOnPostgresTest extends AbstractSdkStateTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pgstore
            spec:
              type: state.postgresql
              version: v1
              metadata:
              - {name: connectionString, value: "%s"}
              - {name: tableName, value: "%s"}
              - {name: metadataTableName, value: "%s"}
            """;

    private final String table = PostgresDatabase.uniqueTableName("sdkcompat_state");
    private final String metadataTable = PostgresDatabase.uniqueTableName("sdkcompat_metadata");

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("pgstore.yaml"),
                COMPONENT.formatted(PostgresDatabase.CONNECTION_STRING, table, metadataTable));
        return DaprdProcess.builder("sdk-state-postgres")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "pgstore";
    }

    @Override
    void afterSidecarStopped() throws SQLException {
        PostgresDatabase.dropTables(table, metadataTable);
    }
}
