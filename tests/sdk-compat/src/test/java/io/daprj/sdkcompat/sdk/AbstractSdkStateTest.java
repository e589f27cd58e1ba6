package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.client.domain.TransactionalStateOperation;
import io.dapr.client.domain.TransactionalStateOperation.OperationType;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state call of the SDK (all gRPC: SaveState, GetState, GetBulkState, DeleteState, ExecuteStateTransaction)
 * against one sidecar. A subclass names the store and starts the sidecar; keys are unique per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractSdkStateTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    private static final StateOptions FIRST_WRITE = new StateOptions(null, StateOptions.Concurrency.FIRST_WRITE);

    /** An SDK user's own type, stored as JSON. */
    record Order(String id, int quantity, List<String> items) {}

    private DaprdProcess daprd;
    private DaprClient client;

    /** Starts the sidecar under test; {@code workDir} is this class's own temp dir. */
    abstract DaprdProcess startSidecar(Path workDir) throws IOException;

    abstract String storeName();

    @BeforeAll
    void startSidecarAndClient(@TempDir Path workDir) throws IOException {
        daprd = startSidecar(workDir);
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
        afterSidecarStopped();
    }

    /** Cleans up what the store left outside the sidecar (tables, keys), once the sidecar has ended. */
    void afterSidecarStopped() throws Exception {}

    private static String key(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> State<T> get(String key, Class<T> type) {
        return client.getState(storeName(), key, type).block(CALL);
    }

    @Test
    void waitForSidecarCompletesAgainstRunningSidecar() {
        client.waitForSidecar(10_000).block(CALL);
    }

    @Test
    void pojoSurvivesSaveAndGet() {
        String key = key("order");
        Order order = new Order("o-1", 3, List.of("apple", "pear"));

        client.saveState(storeName(), key, order).block(CALL);
        State<Order> read = get(key, Order.class);

        assertThat(read.getKey()).isEqualTo(key);
        assertThat(read.getValue()).isEqualTo(order);
        assertThat(read.getEtag()).isNotBlank();
    }

    @Test
    void stringSurvivesSaveAndGet() {
        String key = key("greeting");

        client.saveState(storeName(), key, "hello, daprj — ünïcödé").block(CALL);

        assertThat(get(key, String.class).getValue()).isEqualTo("hello, daprj — ünïcödé");
    }

    @Test
    void getWithStrongConsistencyReadsTheLatestValue() {
        String key = key("strong");
        client.saveState(storeName(), key, "latest").block(CALL);

        StateOptions strong = new StateOptions(StateOptions.Consistency.STRONG, null);
        assertThat(client.getState(storeName(), key, strong, String.class).block(CALL).getValue()).isEqualTo("latest");
    }

    @Test
    void missingKeyReadsAsNullValueWithoutEtag() {
        State<String> read = get(key("never-written"), String.class);

        assertThat(read.getValue()).isNull();
        assertThat(read.getEtag()).isNull();
    }

    @Test
    void deleteRemovesTheValue() {
        String key = key("doomed");
        client.saveState(storeName(), key, "bye").block(CALL);

        client.deleteState(storeName(), key).block(CALL);

        assertThat(get(key, String.class).getValue()).isNull();
    }

    @Test
    void bulkSaveThenBulkGetReturnsEveryKeyIncludingMissingOne() {
        String one = key("bulk-one");
        String two = key("bulk-two");
        String missing = key("bulk-missing");

        client.saveBulkState(storeName(), List.of(new State<>(one, "1", null, null), new State<>(two, "2", null, null)))
                .block(CALL);
        List<State<String>> read = client.getBulkState(storeName(), List.of(one, two, missing), String.class).block(CALL);

        Map<String, State<String>> byKey = read.stream().collect(Collectors.toMap(State::getKey, Function.identity()));
        assertThat(byKey).containsOnlyKeys(one, two, missing);
        assertThat(byKey.get(one).getValue()).isEqualTo("1");
        assertThat(byKey.get(one).getEtag()).isNotBlank();
        assertThat(byKey.get(two).getValue()).isEqualTo("2");
        assertThat(byKey.get(missing).getValue()).isNull();
        assertThat(byKey.get(missing).getError()).isNullOrEmpty();
    }

    @Test
    void transactionUpsertsAndDeletesTogether() {
        String kept = key("tx-kept");
        String added = key("tx-added");
        String removed = key("tx-removed");
        client.saveState(storeName(), kept, "old").block(CALL);
        client.saveState(storeName(), removed, "soon gone").block(CALL);

        List<TransactionalStateOperation<?>> operations = List.of(
                new TransactionalStateOperation<>(OperationType.UPSERT, new State<>(kept, "new", null, null)),
                new TransactionalStateOperation<>(OperationType.UPSERT, new State<>(added, "fresh", null, null)),
                new TransactionalStateOperation<>(OperationType.DELETE, new State<>(removed)));
        client.executeStateTransaction(storeName(), operations).block(CALL);

        assertThat(get(kept, String.class).getValue()).isEqualTo("new");
        assertThat(get(added, String.class).getValue()).isEqualTo("fresh");
        assertThat(get(removed, String.class).getValue()).isNull();
    }

    @Test
    void updateWithCurrentEtagSucceedsAndChangesTheEtag() {
        String key = key("etag-ok");
        client.saveState(storeName(), key, "v1").block(CALL);
        String etag = get(key, String.class).getEtag();

        client.saveState(storeName(), key, etag, "v2", null).block(CALL);

        State<String> read = get(key, String.class);
        assertThat(read.getValue()).isEqualTo("v2");
        assertThat(read.getEtag()).isNotBlank().isNotEqualTo(etag);
    }

    @Test
    void updateWithStaleEtagFailsAbortedAndKeepsTheValue() {
        String key = key("etag-stale");
        client.saveState(storeName(), key, "v1").block(CALL);
        String stale = get(key, String.class).getEtag();
        client.saveState(storeName(), key, stale, "v2", null).block(CALL);

        // daprd: ETag mismatch on SaveState is gRPC Aborted with ErrorInfo reason ERR_STATE_SAVE
        assertGrpcError(() -> client.saveState(storeName(), key, stale, "v3", null).block(CALL),
                "ABORTED", "ERR_STATE_SAVE");

        assertThat(get(key, String.class).getValue()).isEqualTo("v2");
    }

    @Test
    void deleteWithStaleEtagFailsAbortedAndDeleteWithCurrentEtagWorks() {
        String key = key("etag-delete");
        client.saveState(storeName(), key, "v1").block(CALL);
        String stale = get(key, String.class).getEtag();
        client.saveState(storeName(), key, stale, "v2", null).block(CALL);

        assertGrpcError(() -> client.deleteState(storeName(), key, stale, null).block(CALL),
                "ABORTED", "ERR_STATE_DELETE");
        assertThat(get(key, String.class).getValue()).isEqualTo("v2");

        client.deleteState(storeName(), key, get(key, String.class).getEtag(), null).block(CALL);
        assertThat(get(key, String.class).getValue()).isNull();
    }

    @Test
    void secondWriteWithoutEtagFailsUnderFirstWrite() {
        String key = key("first-write");

        client.saveState(storeName(), key, null, "first", FIRST_WRITE).block(CALL);

        assertGrpcError(() -> client.saveState(storeName(), key, null, "second", FIRST_WRITE).block(CALL),
                "ABORTED", "ERR_STATE_SAVE");
        assertThat(get(key, String.class).getValue()).isEqualTo("first");
    }

    @Test
    void ttlInSecondsExpiresTheKeyAndGetReportsTtlExpireTime() {
        String key = key("ttl");
        Instant before = Instant.now();

        client.saveState(storeName(), key, null, "short-lived", Map.of("ttlInSeconds", "1"), null).block(CALL);

        State<String> read = get(key, String.class);
        assertThat(read.getValue()).isEqualTo("short-lived");
        assertThat(read.getMetadata()).containsKey("ttlExpireTime");
        Instant expires = OffsetDateTime.parse(read.getMetadata().get("ttlExpireTime")).toInstant();
        assertThat(expires).isBetween(before.minusSeconds(1), before.plusSeconds(3));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(key, String.class).getValue() == null);
    }

    @Test
    void unknownStoreFailsInvalidArgumentWithStateNotFoundReason() {
        // over gRPC daprd puts the legacy ERR_STATE_STORE_NOT_FOUND only on HTTP; the ErrorInfo reason is DAPR_STATE_NOT_FOUND
        var error = assertGrpcError(() -> client.getState("no-such-store", key("k"), String.class).block(CALL),
                "INVALID_ARGUMENT", "DAPR_STATE_NOT_FOUND");
        assertThat(error.getMessage()).contains("no-such-store");

        assertGrpcError(() -> client.saveState("no-such-store", key("k"), "v").block(CALL),
                "INVALID_ARGUMENT", "DAPR_STATE_NOT_FOUND");
    }

    @Test
    void keyContainingDoublePipeFailsInvalidArgumentWithIllegalKeyReason() {
        assertGrpcError(() -> client.saveState(storeName(), "left||right", "v").block(CALL),
                "INVALID_ARGUMENT", "DAPR_STATE_ILLEGAL_KEY");
        assertGrpcError(() -> client.getState(storeName(), "left||right", String.class).block(CALL),
                "INVALID_ARGUMENT", "DAPR_STATE_ILLEGAL_KEY");
    }
}
