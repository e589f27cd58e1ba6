package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.dapr.client.DaprClient;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code getSecret} / {@code getBulkSecret} (gRPC GetSecret, GetBulkSecret) on {@code secretstores.local.file} (nested
 * keys, custom separator, multi-valued) and {@code secretstores.local.env}, under the Configuration's secret scopes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkSecretsTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private static final String SECRETS_JSON = """
            {"apiKey": "k-123", "hidden": "no", "db": {"user": "app", "conn": {"host": "db.internal"}}}
            """;
    private static final String MULTI_VALUED_JSON = """
            {"db": {"user": "app", "password": "pw"}, "plain": "v"}
            """;
    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: localsecrets}
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - {name: secretsFile, value: "%1$s"}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: dotsecrets}
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - {name: secretsFile, value: "%1$s"}
              - {name: nestedSeparator, value: "."}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: multisecrets}
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - {name: secretsFile, value: "%2$s"}
              - {name: multiValued, value: "true"}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: envsecrets}
            spec:
              type: secretstores.local.env
              version: v1
              metadata:
              - {name: prefix, value: "SDKCOMPAT_SECRET_"}
            """;
    private static final String CONFIGURATION = """
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata: {name: secretscopes}
            spec:
              secrets:
                scopes:
                - storeName: localsecrets
                  defaultAccess: allow
                  deniedSecrets: ["hidden"]
                - storeName: multisecrets
                  defaultAccess: deny
                  allowedSecrets: ["db"]
            """;

    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        Path secrets = Files.writeString(workDir.resolve("secrets.json"), SECRETS_JSON);
        Path multiValued = Files.writeString(workDir.resolve("multi.json"), MULTI_VALUED_JSON);
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("secretstores.yaml"), COMPONENTS.formatted(secrets, multiValued));
        Path config = Files.writeString(workDir.resolve("config.yaml"), CONFIGURATION);
        daprd = DaprdProcess.builder("sdk-secrets")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .args("--config", config.toString())
                .env("SDKCOMPAT_SECRET_token", "t-1")
                .env("SDKCOMPAT_OTHER", "not a secret of envsecrets")
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

    private Map<String, String> secret(String store, String name) {
        return client.getSecret(store, name).block(CALL);
    }

    @Test
    void getSecretReturnsTheValueUnderTheSecretsName() {
        assertThat(secret("localsecrets", "apiKey")).containsExactly(entry("apiKey", "k-123"));
    }

    @Test
    void nestedJsonKeysAreFlattenedWithTheDefaultColonSeparator() {
        assertThat(secret("localsecrets", "db:user")).containsExactly(entry("db:user", "app"));
        assertThat(secret("localsecrets", "db:conn:host")).containsExactly(entry("db:conn:host", "db.internal"));
    }

    @Test
    void nestedSeparatorMetadataChangesTheFlattenedNames() {
        assertThat(secret("dotsecrets", "db.conn.host")).containsExactly(entry("db.conn.host", "db.internal"));
        assertGrpcCode(() -> secret("dotsecrets", "db:conn:host"), "INTERNAL");
    }

    @Test
    void multiValuedSecretReturnsEveryKeyUnderIt() {
        assertThat(secret("multisecrets", "db")).containsOnly(entry("user", "app"), entry("password", "pw"));
    }

    @Test
    void bulkSecretReturnsEveryAllowedSecretAndLeavesOutDeniedOnes() {
        Map<String, Map<String, String>> all = client.getBulkSecret("localsecrets").block(CALL);

        assertThat(all).containsOnlyKeys("apiKey", "db:user", "db:conn:host");
        assertThat(all.get("apiKey")).containsExactly(entry("apiKey", "k-123"));
        assertThat(all.get("db:conn:host")).containsExactly(entry("db:conn:host", "db.internal"));
    }

    @Test
    void bulkSecretUnderDefaultAccessDenyReturnsOnlyTheAllowedSecrets() {
        Map<String, Map<String, String>> all = client.getBulkSecret("multisecrets").block(CALL);

        assertThat(all).containsOnlyKeys("db");
        assertThat(all.get("db")).containsOnly(entry("user", "app"), entry("password", "pw"));
    }

    @Test
    void deniedSecretFailsPermissionDenied() {
        var denied = assertGrpcCode(() -> secret("localsecrets", "hidden"), "PERMISSION_DENIED");
        assertThat(denied.getMessage()).contains("hidden");

        assertGrpcCode(() -> secret("multisecrets", "plain"), "PERMISSION_DENIED");
    }

    @Test
    void unknownStoreFailsInvalidArgumentNamingTheStore() {
        var error = assertGrpcCode(() -> secret("no-such-secretstore", "apiKey"), "INVALID_ARGUMENT");
        assertThat(error.getMessage()).contains("no-such-secretstore");

        assertGrpcCode(() -> client.getBulkSecret("no-such-secretstore").block(CALL), "INVALID_ARGUMENT");
    }

    @Test
    void unknownSecretFailsInternal() {
        var error = assertGrpcCode(() -> secret("localsecrets", "never-stored"), "INTERNAL");
        assertThat(error.getMessage()).contains("never-stored");
    }

    @Test
    void envStoreServesPrefixedVariablesUnderTheirNameWithoutThePrefix() {
        assertThat(secret("envsecrets", "token")).containsExactly(entry("token", "t-1"));

        assertThat(client.getBulkSecret("envsecrets").block(CALL))
                .containsOnly(entry("token", Map.of("token", "t-1")));
    }
}
