package io.daprj.components.nats.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.ComponentMetadata;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dapr's metadata names become the JetStream consumer Dapr would create. */
class JetStreamPubSubMetadataTest {

    private static JetStreamPubSubMetadata bind(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("natsURL", "nats://127.0.0.1:4222"));
        properties.putAll(extra);
        return ComponentMetadata.of("p", "pubsub.jetstream", properties).bind(JetStreamPubSubMetadata.class);
    }

    @Test
    void consumerFieldsMapOneToOne() {
        ConsumerConfiguration c = bind(Map.ofEntries(Map.entry("durableName", "orders"),
                Map.entry("queueGroupName", "workers"), Map.entry("deliverPolicy", "sequence"),
                Map.entry("startSequence", "42"), Map.entry("ackWait", "10s"), Map.entry("maxDeliver", "5"),
                Map.entry("backOff", "[1s, 2s, 4s]"), Map.entry("maxAckPending", "100"), Map.entry("ackPolicy", "all"),
                Map.entry("heartbeat", "3s"), Map.entry("flowControl", "true"), Map.entry("memoryStorage", "true")))
                .consumer("orders.created", "_INBOX.x");
        assertThat(c.getDurable()).isEqualTo("orders");
        assertThat(c.getDeliverGroup()).isEqualTo("workers");
        assertThat(c.getDeliverSubject()).isEqualTo("_INBOX.x");
        assertThat(c.getFilterSubject()).isEqualTo("orders.created");
        assertThat(c.getDeliverPolicy()).isEqualTo(DeliverPolicy.ByStartSequence);
        assertThat(c.getStartSequence()).isEqualTo(42);
        assertThat(c.getAckWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.getMaxDeliver()).isEqualTo(5);
        assertThat(c.getBackoff()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(c.getMaxAckPending()).isEqualTo(100);
        assertThat(c.getAckPolicy()).isEqualTo(AckPolicy.All);
        assertThat(c.isFlowControl()).isTrue();
        assertThat(c.getIdleHeartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.isMemStorage()).isTrue();
    }

    @Test
    void defaultsAreDaprsEphemeralDeliverAllExplicitAckSingle() {
        JetStreamPubSubMetadata m = bind(Map.of());
        ConsumerConfiguration c = m.consumer("t", "_INBOX.y");
        assertThat(c.getDurable()).isNull();
        assertThat(c.getDeliverPolicy()).isEqualTo(DeliverPolicy.All);
        assertThat(c.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
        assertThat(m.name()).isEqualTo("dapr.io - pubsub.jetstream");
        assertThat(m.concurrency()).isEqualTo(JetStreamPubSubMetadata.Concurrency.SINGLE);
        assertThat(m.acknowledges()).isTrue();
        assertThat(bind(Map.of("ackPolicy", "none")).acknowledges()).isFalse();
    }

    @Test
    void unsupportedOrInconsistentFieldsAreNamed() {
        assertThatThrownBy(() -> bind(Map.of("tls_client_cert", "pem"))).hasMessageContaining("tls_client_cert");
        assertThatThrownBy(() -> bind(Map.of("startTime", "1700000000"))).hasMessageContaining("startTime");
        assertThatThrownBy(() -> bind(Map.of("backOff", "[1s, soon]"))).hasMessageContaining("backOff");
        assertThatThrownBy(() -> bind(Map.of("concurrency", "many"))).hasMessageContaining("concurrency");
    }
}
