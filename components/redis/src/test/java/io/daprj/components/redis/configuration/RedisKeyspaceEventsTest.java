package io.daprj.components.redis.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flags subscribe adds to the server's {@code notify-keyspace-events}, keeping those already set. */
class RedisKeyspaceEventsTest {

    @Test
    void anEmptySettingGetsDaprsFlags() {
        assertThat(RedisConfigurationStore.withRequiredEvents("")).isEqualTo("Kg$xe");
    }

    @Test
    void flagsAlreadySetAreKeptAndNotRepeated() {
        assertThat(RedisConfigurationStore.withRequiredEvents("Elg")).isEqualTo("ElgK$xe");
        assertThat(RedisConfigurationStore.withRequiredEvents("Kg$xe")).isEqualTo("Kg$xe");
    }

    @Test
    void theAllClassCoversEveryEventTypeButNotTheKeyspaceChannel() {
        assertThat(RedisConfigurationStore.withRequiredEvents("AE")).isEqualTo("AEK");
        assertThat(RedisConfigurationStore.withRequiredEvents("AKE")).isEqualTo("AKE");
    }
}
