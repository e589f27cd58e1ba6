package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * {@code queryState} on {@code state.postgresql} (v1 layout, whose jsonb values Dapr's PostgreSQL query API reads),
 * in tables of this run only. Skipped while the distribution has no PostgreSQL module.
 */
@RequiresComponentModule(module = "postgres", componentType = "state.postgresql")
class SdkQueryOnPostgresTest extends AbstractSdkQueryTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pgquerystore
            spec:
              type: state.postgresql
              version: v1
              metadata:
              - {name: connectionString, value: "%s"}
              - {name: tableName, value: "%s"}
              - {name: metadataTableName, value: "%s"}
            """;

    private final String table = PostgresDatabase.uniqueTableName("sdkcompat_query");
    private final String metadataTable = PostgresDatabase.uniqueTableName("sdkcompat_query_metadata");

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("pgquerystore.yaml"),
                COMPONENT.formatted(PostgresDatabase.CONNECTION_STRING, table, metadataTable));
        return DaprdProcess.builder("sdk-query-postgres")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "pgquerystore";
    }

    @Override
    void afterSidecarStopped() throws SQLException {
        PostgresDatabase.dropTables(table, metadataTable);
    }
}
