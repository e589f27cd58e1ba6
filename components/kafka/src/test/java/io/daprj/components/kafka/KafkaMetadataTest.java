package io.daprj.components.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.ComponentMetadata;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dapr's metadata rules that need no broker: defaults, the consumer group fallback, retry interval units. */
class KafkaMetadataTest {

    private static KafkaMetadata bind(Map<String, String> extra) {
        return KafkaMetadata.of(ComponentMetadata.of("k", "pubsub.kafka", KafkaTestBroker.metadata(extra)));
    }

    @Test
    void theGroupIsConsumerGroupThenConsumerIdThenTheAppId() {
        assertThat(bind(Map.of("consumerGroup", "g", "consumerID", "c")).group("app")).isEqualTo("g");
        assertThat(bind(Map.of("consumerID", "c")).group("app")).isEqualTo("c");
        assertThat(bind(Map.of()).group("app")).isEqualTo("app");
        assertThat(bind(Map.of()).group("")).isEqualTo("daprj");
    }

    @Test
    void aBareRetryIntervalIsMillisecondsAndTheDefaultIs100ms() {
        assertThat(bind(Map.of()).retryInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(bind(Map.of("consumeRetryInterval", "250")).retryInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(bind(Map.of("consumeRetryInterval", "2s")).retryInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void defaultsAreDaprs() {
        KafkaMetadata m = bind(Map.of("brokers", " a:9092, [::1]:9093 "));
        assertThat(m.bootstrapServers()).isEqualTo("a:9092,[::1]:9093");
        assertThat(m.initialOffset()).isEqualTo(KafkaMetadata.InitialOffset.NEWEST);
        assertThat(m.consumeRetryEnabled()).isTrue();
        assertThat(m.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(m.sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(m.producerRequiredAcks()).isEqualTo(KafkaMetadata.RequiredAcks.ALL);
        assertThat(bind(Map.of("initialOffset", "OLDEST")).initialOffset()).isEqualTo(KafkaMetadata.InitialOffset.OLDEST);
    }
}
