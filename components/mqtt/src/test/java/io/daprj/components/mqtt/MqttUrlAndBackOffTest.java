package io.daprj.components.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttUrlAndBackOffTest {

    @Test
    void daprsUrlFormsMapToPahoAddressesWithCredentials() {
        assertThat(MqttUrl.parse("tcp://127.0.0.1:1883")).isEqualTo(
                new MqttUrl("tcp://127.0.0.1:1883", Optional.empty(), Optional.empty()));
        assertThat(MqttUrl.parse("mqtt://broker")).extracting(MqttUrl::serverUri).isEqualTo("tcp://broker:1883");
        assertThat(MqttUrl.parse("mqtts://broker")).extracting(MqttUrl::serverUri).isEqualTo("ssl://broker:8883");
        MqttUrl withUser = MqttUrl.parse("tls://user:p%40ss@broker:9000");
        assertThat(withUser.serverUri()).isEqualTo("ssl://broker:9000");
        assertThat(withUser.username()).contains("user");
        assertThat(withUser.password()).contains("p@ss");
    }

    @Test
    void otherSchemesAreRefusedWithoutShowingTheCredentials() {
        assertThatThrownBy(() -> MqttUrl.parse("ws://user:secret@broker:80"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> MqttUrl.parse("broker:1883")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exponentialDelaysGrowByHalfUpToTheMaximumAndRetriesAreCounted() {
        BackOff exponential = new BackOff(true, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(200), 2);
        assertThat(exponential.delay(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(exponential.delay(1)).isEqualTo(Duration.ofMillis(150));
        assertThat(exponential.delay(5)).isEqualTo(Duration.ofMillis(200));
        assertThat(exponential.exhausted(1)).isFalse();
        assertThat(exponential.exhausted(2)).isTrue();
        BackOff forever = BackOff.constant(Duration.ofSeconds(5), -1);
        assertThat(forever.delay(100)).isEqualTo(Duration.ofSeconds(5));
        assertThat(forever.exhausted(Long.MAX_VALUE)).isFalse();
        assertThatThrownBy(() -> BackOff.constant(Duration.ofSeconds(1), -2)).hasMessageContaining("backOffMaxRetries");
        assertThatThrownBy(() -> BackOff.constant(Duration.ZERO, 0)).hasMessageContaining("backOffDuration");
    }
}
