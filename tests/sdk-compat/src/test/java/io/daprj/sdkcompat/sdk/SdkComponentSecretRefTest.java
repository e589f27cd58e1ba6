package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcError;
import static org.assertj.core.api.Assertions.assertThat;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.ComponentMetadata;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code secretKeyRef} in component metadata, resolved from the store named in {@code auth.secretStore}: a component
 * whose secret exists loads with the secret's value; one whose secret is missing stays out, and the sidecar still
 * starts and serves every other component.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkComponentSecretRefTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: localsecrets}
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - {name: secretsFile, value: "%s"}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: securedstore}
            spec:
              type: state.sqlite
              version: v1
              metadata:
              - name: connectionString
                secretKeyRef: {name: dbPath, key: dbPath}
            auth: {secretStore: localsecrets}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: brokenstore}
            spec:
              type: state.sqlite
              version: v1
              metadata:
              - name: connectionString
                secretKeyRef: {name: noSuchSecret, key: noSuchSecret}
            auth: {secretStore: localsecrets}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: memstore}
            spec:
              type: state.in-memory
              version: v1
              metadata: []
            """;

    private Path securedDatabase;
    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        securedDatabase = workDir.resolve("from-secret.db");
        Path secrets = Files.writeString(workDir.resolve("secrets.json"), "{\"dbPath\": \"" + securedDatabase + "\"}");
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("components.yaml"), COMPONENTS.formatted(secrets));
        daprd = DaprdProcess.builder("sdk-secret-ref")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
        client = daprd.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
    }

    @Test
    void metadataListsEveryComponentExceptTheOneWhoseSecretIsMissing() {
        var names = client.getMetadata().block(CALL).getComponents().stream().map(ComponentMetadata::getName).toList();

        assertThat(names).contains("localsecrets", "securedstore", "memstore").doesNotContain("brokenstore");
    }

    @Test
    void componentWhoseSecretResolvedUsesTheSecretValue() {
        client.saveState("securedstore", "k", "stored where the secret says").block(CALL);

        assertThat(client.getState("securedstore", "k", String.class).block(CALL).getValue())
                .isEqualTo("stored where the secret says");
        assertThat(securedDatabase).as("the sqlite file named by secret dbPath").exists();
    }

    @Test
    void componentsWithoutSecretsKeepServing() {
        client.saveState("memstore", "k", "still here").block(CALL);

        assertThat(client.getState("memstore", "k", String.class).block(CALL).getValue()).isEqualTo("still here");
    }

    @Test
    void componentWhoseSecretIsMissingIsAnUnknownStore() {
        assertGrpcError(() -> client.saveState("brokenstore", "k", "v").block(CALL),
                "INVALID_ARGUMENT", "DAPR_STATE_NOT_FOUND");
    }

    @Test
    void sidecarOutputNamesTheComponentAndTheMissingSecret() {
        assertThat(daprd.log()).contains("brokenstore").contains("noSuchSecret");
    }
}
