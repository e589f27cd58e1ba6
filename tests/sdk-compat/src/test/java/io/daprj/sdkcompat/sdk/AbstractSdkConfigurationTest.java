package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.ConfigurationItem;
import io.dapr.client.domain.SubscribeConfigurationResponse;
import io.dapr.client.domain.UnsubscribeConfigurationResponse;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

/**
 * The SDK's configuration calls (gRPC GetConfiguration, SubscribeConfiguration, UnsubscribeConfiguration) through the
 * packaged sidecar, the items being written to the backend directly as an operator would. A subclass starts the
 * sidecar on its store and writes to the store's backend; keys are unique per test (letters, digits, {@code _}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractSdkConfigurationTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private DaprdProcess daprd;
    private DaprClient client;

    /** Starts the sidecar with a configuration store named {@code configstore}; {@code workDir} is this class's. */
    abstract DaprdProcess startSidecar(Path workDir) throws Exception;

    /** Adds or replaces {@code key} in the backend. */
    abstract void write(String key, String value, String version) throws Exception;

    /** Cleans the backend after the sidecar stopped. */
    abstract void afterSidecarStopped() throws Exception;

    @BeforeAll
    void startSidecarAndClient(@TempDir Path workDir) throws Exception {
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

    static String uniqueKey(String name) {
        return "sdk_" + name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void getConfigurationReadsWhatTheBackendHolds() throws Exception {
        String color = uniqueKey("color");
        String size = uniqueKey("size");
        write(color, "blue", "1");
        write(size, "10", "4");
        Map<String, ConfigurationItem> items =
                client.getConfiguration("configstore", color, size, uniqueKey("missing")).block(CALL);
        assertThat(items).containsOnlyKeys(color, size);
        assertThat(items.get(color).getValue()).isEqualTo("blue");
        assertThat(items.get(color).getVersion()).isEqualTo("1");
        assertThat(items.get(size).getValue()).isEqualTo("10");
        ConfigurationItem one = client.getConfiguration("configstore", size).block(CALL);
        assertThat(one.getKey()).isEqualTo(size);
        assertThat(one.getVersion()).isEqualTo("4");
    }

    @Test
    void subscribersSeeAnUpdateWithinASecondUntilTheyUnsubscribe() throws Exception {
        String key = uniqueKey("watched");
        write(key, "before", "1");
        List<SubscribeConfigurationResponse> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean completed = new AtomicBoolean();
        Disposable subscription = client.subscribeConfiguration("configstore", key)
                .doOnComplete(() -> completed.set(true))
                .subscribe(seen::add);
        try {
            await().atMost(CALL).until(() -> !seen.isEmpty());
            String id = seen.getFirst().getSubscriptionId();
            assertThat(id).isNotBlank();

            write(key, "after", "2");
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> seen.stream().anyMatch(r -> r.getItems().containsKey(key)));
            SubscribeConfigurationResponse update = seen.stream().filter(r -> r.getItems().containsKey(key))
                    .findFirst().orElseThrow();
            assertThat(update.getSubscriptionId()).isEqualTo(id);
            assertThat(update.getItems().get(key).getValue()).isEqualTo("after");
            assertThat(update.getItems().get(key).getVersion()).isEqualTo("2");

            UnsubscribeConfigurationResponse unsubscribed = client.unsubscribeConfiguration(id, "configstore").block(CALL);
            assertThat(unsubscribed.getIsUnsubscribed()).isTrue();
            await().atMost(CALL).untilTrue(completed);
            int count = seen.size();
            write(key, "ignored", "3");
            Thread.sleep(500);
            assertThat(seen).hasSize(count);
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void unsubscribingAnUnknownIdIsNotOk() {
        UnsubscribeConfigurationResponse response = client.unsubscribeConfiguration("no-such-id", "configstore").block(CALL);
        assertThat(response.getIsUnsubscribed()).isFalse();
        assertThat(response.getMessage()).contains("no-such-id").contains("subscription does not exist");
    }

    @Test
    void anUnknownStoreIsInvalidArgument() {
        assertGrpcCode(() -> client.getConfiguration("nostore", "k").block(CALL), "INVALID_ARGUMENT");
    }
}
