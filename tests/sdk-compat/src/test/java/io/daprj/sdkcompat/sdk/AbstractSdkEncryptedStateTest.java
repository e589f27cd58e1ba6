package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.TransactionalStateOperation;
import io.dapr.client.domain.TransactionalStateOperation.OperationType;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic state encryption through the SDK: a state store whose {@code primaryEncryptionKey} is a
 * {@code secretKeyRef} into a {@code secretstores.local.file}. Two sidecars of one app share the store:
 * {@code original} encrypts with {@code key1}; {@code rotated} has {@code key2} as primary and {@code key1} as
 * secondary, as after a key rotation. A subclass names the store and reads its raw values behind the sidecar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractSdkEncryptedStateTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The app id of both sidecars, so the stores' default key prefix is {@code sdk-encrypted||}. */
    static final String APP_ID = "sdk-encrypted";
    private static final String KEY1 = "6e8bd0f3b1e2aa1c9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8";
    private static final String KEY2 = "00112233445566778899aabbccddeeff";
    private static final int GCM_NONCE_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private static final String COMPONENTS = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: keys}
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
              - {name: secretsFile, value: "%1$s"}
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata: {name: secure}
            spec:
            %2$s
              - name: primaryEncryptionKey
                secretKeyRef: {name: %3$s, key: %3$s}
            %4$s
            auth: {secretStore: keys}
            """;
    private static final String SECONDARY_KEY1 = """
              - name: secondaryEncryptionKey
                secretKeyRef: {name: key1, key: key1}
            """;

    record Card(String holder, String number) {}

    private DaprdProcess original;
    private DaprdProcess rotated;
    private DaprClient viaOriginal;
    private DaprClient viaRotated;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        Path keys = Files.writeString(workDir.resolve("keys.json"),
                "{\"key1\": \"" + KEY1 + "\", \"key2\": \"" + KEY2 + "\"}");
        String store = storeSpec(workDir).stripTrailing();
        Path originalResources = Files.createDirectories(workDir.resolve("original"));
        Files.writeString(originalResources.resolve("components.yaml"), COMPONENTS.formatted(keys, store, "key1", ""));
        Path rotatedResources = Files.createDirectories(workDir.resolve("rotated"));
        Files.writeString(rotatedResources.resolve("components.yaml"),
                COMPONENTS.formatted(keys, store, "key2", SECONDARY_KEY1.stripTrailing()));
        List<DaprdProcess> sidecars = DaprdProcess.startTogether(
                DaprdProcess.builder(APP_ID).daprjHome(workDir.resolve("home-original"))
                        .resourcesPath(originalResources),
                DaprdProcess.builder(APP_ID).daprjHome(workDir.resolve("home-rotated"))
                        .resourcesPath(rotatedResources));
        original = sidecars.get(0);
        rotated = sidecars.get(1);
        viaOriginal = original.newClient();
        viaRotated = rotated.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {viaOriginal, viaRotated, original, rotated}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        afterSidecarsStopped();
    }

    /**
     * The state store's spec lines up to and including its connection metadata, indented as under {@code spec:}:
     * {@code type}, {@code version}, {@code metadata:} and its first items; the encryption keys are appended.
     */
    abstract String storeSpec(Path workDir) throws Exception;

    /** The value of {@code key} (as the app names it) exactly as the store holds it, as text. */
    abstract String rawValue(String key) throws Exception;

    /** Cleans up what the store left outside the sidecars (tables, keys), once both have ended. */
    void afterSidecarsStopped() throws Exception {}

    private static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens a value in daprd's format {@code base64(nonce ‖ AES-GCM ciphertext ‖ tag) || keyName}. */
    private static byte[] decrypt(String stored, String hexKey) throws Exception {
        byte[] sealed = Base64.getDecoder().decode(stored.substring(0, stored.lastIndexOf("||")));
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(HexFormat.of().parseHex(hexKey), "AES"),
                new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, GCM_NONCE_BYTES));
        return aes.doFinal(sealed, GCM_NONCE_BYTES, sealed.length - GCM_NONCE_BYTES);
    }

    @Test
    void savedValueReadsBackInClearThroughGetAndBulkGet() {
        String key = key("card");
        Card card = new Card("Ada", "4111-1111-1111-1111");

        viaOriginal.saveState("secure", key, card).block(CALL);

        State<Card> read = viaOriginal.getState("secure", key, Card.class).block(CALL);
        assertThat(read.getValue()).isEqualTo(card);
        assertThat(read.getEtag()).isNotBlank();
        assertThat(viaOriginal.getBulkState("secure", List.of(key), Card.class).block(CALL))
                .singleElement().satisfies(s -> assertThat(s.getValue()).isEqualTo(card));
    }

    @Test
    void storedRowIsAesGcmCiphertextOfTheJsonValueTaggedWithThePrimaryKeyName() throws Exception {
        String key = key("card-at-rest");
        Card card = new Card("Grace", "5500-0000-0000-0004");

        viaOriginal.saveState("secure", key, card).block(CALL);

        String raw = rawValue(key);
        assertThat(raw).doesNotContain("5500").doesNotContain("Grace").endsWith("||key1");
        JsonNode plaintext = JSON.readTree(decrypt(raw, KEY1));
        assertThat(plaintext).isEqualTo(JSON.valueToTree(card));
    }

    @Test
    void sameValueSavedTwiceIsStoredAsDifferentCiphertexts() throws Exception {
        String first = key("twin-a");
        String second = key("twin-b");

        viaOriginal.saveState("secure", first, "identical").block(CALL);
        viaOriginal.saveState("secure", second, "identical").block(CALL);

        assertThat(rawValue(first)).isNotEqualTo(rawValue(second));
        assertThat(new String(decrypt(rawValue(first), KEY1), StandardCharsets.UTF_8)).isEqualTo("\"identical\"");
    }

    @Test
    void valueWrittenInATransactionIsEncryptedToo() throws Exception {
        String key = key("tx-card");

        viaOriginal.executeStateTransaction("secure", List.of(new TransactionalStateOperation<>(OperationType.UPSERT,
                new State<>(key, "in a transaction", null, null)))).block(CALL);

        assertThat(rawValue(key)).doesNotContain("transaction").endsWith("||key1");
        assertThat(viaOriginal.getState("secure", key, String.class).block(CALL).getValue())
                .isEqualTo("in a transaction");
    }

    @Test
    void rotatedSidecarReadsOldValuesWithTheSecondaryKeyAndWritesWithTheNewPrimary() throws Exception {
        String old = key("before-rotation");
        String fresh = key("after-rotation");
        viaOriginal.saveState("secure", old, "written with key1").block(CALL);

        assertThat(viaRotated.getState("secure", old, String.class).block(CALL).getValue())
                .isEqualTo("written with key1");

        viaRotated.saveState("secure", fresh, "written with key2").block(CALL);
        String raw = rawValue(fresh);
        assertThat(raw).doesNotContain("written").endsWith("||key2");
        assertThat(new String(decrypt(raw, KEY2), StandardCharsets.UTF_8)).isEqualTo("\"written with key2\"");
    }

    @Test
    void sidecarWithoutTheKeyAValueWasWrittenWithFailsToReadItNamingTheKey() {
        String key = key("key2-only");
        viaRotated.saveState("secure", key, "unreadable for key1 only").block(CALL);

        var error = assertGrpcCode(() -> viaOriginal.getState("secure", key, String.class).block(CALL), "INTERNAL");
        assertThat(error.getMessage()).contains("key2");
    }
}
