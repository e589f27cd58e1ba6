package io.daprj.runtime.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The configuration API's errors that need a sidecar without stores or without an app, and stream endings. */
class ConfigurationApiTest {

    private static ComponentStore withStore(String name) {
        MemoryConfigurationStore store = new MemoryConfigurationStore();
        store.init(ComponentMetadata.of(name, "configuration.test-memory", Map.of()));
        ComponentStore components = new ComponentStore();
        components.add(ConfigurationStore.class, new LoadedComponent<>(new ComponentSpec(name, "",
                "configuration.test-memory", "v1", Map.of(), List.of(), false, "test", Map.of(), ""), store));
        return components;
    }

    @Test
    void noStoresAtAllIsNotConfigured() {
        ConfigurationApi api = new ConfigurationApi(new ComponentStore(), Optional.empty());
        assertThatThrownBy(() -> api.get("any", List.of(), Map.of()))
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.error()).isEqualTo(DaprError.ERR_CONFIGURATION_STORE_NOT_CONFIGURED);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("configuration stores not configured");
                });
    }

    @Test
    void subscribingForAnAppWithoutAppPortIsAppChannelNil() {
        ConfigurationApi api = new ConfigurationApi(withStore("api-nil"), Optional.empty());
        assertThatThrownBy(() -> api.subscribeForApp("api-nil", List.of("k"), Map.of()))
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.error()).isEqualTo(DaprError.ERR_APP_CHANNEL_NIL);
                    assertThat(e.getMessage()).contains("app channel is not initialized");
                });
    }

    @Test
    void closeEndsEveryStreamOnceAndUnsubscribes() {
        ConfigurationApi api = new ConfigurationApi(withStore("api-close"), Optional.empty());
        AtomicInteger ended = new AtomicInteger();
        api.subscribeStream("api-close", List.of("a"), Map.of(), u -> { }, ended::incrementAndGet);
        String second = api.subscribeStream("api-close", List.of(), Map.of(), u -> { }, ended::incrementAndGet);
        assertThat(MemoryConfigurationStore.named("api-close").subscriptionCount()).isEqualTo(2);
        assertThat(api.endStream(second)).isTrue();
        assertThat(api.endStream(second)).isFalse();
        api.close();
        assertThat(ended).hasValue(2);
        assertThat(MemoryConfigurationStore.named("api-close").subscriptionCount()).isZero();
    }
}
