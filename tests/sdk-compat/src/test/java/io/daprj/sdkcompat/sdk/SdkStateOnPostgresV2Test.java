package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The SDK's state calls against {@code state.postgresql} version v2 (Dapr's layout with bytea values in
 * {@code <tablePrefix>state}) on the PostgreSQL server of this machine, in tables of this run only, dropped
 * afterwards. Skipped while the distribution has no PostgreSQL module.
 */
@RequiresComponentModule(module = "postgres", componentType = "state.postgresql")
class SdkStateOnPostgresV2Test extends AbstractSdkStateTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pgv2store
            spec:
              type: state.postgresql
              version: v2
              metadata:
              - {name: connectionString, value: "%s"}
              - {name: tablePrefix, value: "%s"}
              - {name: metadataTableName, value: "%s"}
            """;

    private final String tablePrefix = PostgresDatabase.uniqueTableName("sdkcompat_v2") + "_";
    private final String metadataTable = PostgresDatabase.uniqueTableName("sdkcompat_v2_metadata");

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("pgv2store.yaml"),
                COMPONENT.formatted(PostgresDatabase.CONNECTION_STRING, tablePrefix, metadataTable));
        return DaprdProcess.builder("sdk-state-postgres-v2")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "pgv2store";
    }

    @Override
    void afterSidecarStopped() throws SQLException {
        PostgresDatabase.dropTables(tablePrefix + "state", metadataTable);
    }
}
