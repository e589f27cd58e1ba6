package io.daprj.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.errors.DaprException;
import org.junit.jupiter.api.Test;

class StateKeysTest {

    @Test
    void appIdIsTheDefaultPrefix() {
        assertThat(StateKeys.of(null, "store", "app", "").toStored("k")).isEqualTo("app||k");
        assertThat(StateKeys.of("appid", "store", "app", "").toStored("k")).isEqualTo("app||k");
    }

    @Test
    void otherStrategies() {
        assertThat(StateKeys.of("name", "store", "app", "").toStored("k")).isEqualTo("store||k");
        assertThat(StateKeys.of("namespace", "store", "app", "ns").toStored("k")).isEqualTo("ns.app||k");
        assertThat(StateKeys.of("namespace", "store", "app", "").toStored("k")).isEqualTo("app||k");
        assertThat(StateKeys.of("none", "store", "app", "").toStored("k")).isEqualTo("k");
        assertThat(StateKeys.of("custom", "store", "app", "").toStored("k")).isEqualTo("custom||k");
    }

    @Test
    void noAppIdMeansNoPrefix() {
        assertThat(StateKeys.of(null, "store", "", "").toStored("k")).isEqualTo("k");
    }

    @Test
    void userKeysRoundTrip() {
        StateKeys keys = StateKeys.of(null, "store", "app", "");
        assertThat(keys.toUser(keys.toStored("a:b"))).isEqualTo("a:b");
    }

    @Test
    void doublePipeInKeyIsMalformedRequest() {
        assertThatThrownBy(() -> StateKeys.of(null, "s", "app", "").toStored("a||b"))
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("ERR_MALFORMED_REQUEST");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> StateKeys.of("bad||prefix", "s", "app", "")).hasMessageContaining("keyPrefix");
    }
}
