package io.daprj.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PubSubDeliveriesTest {

    @Test
    void messagesAreOneKilobyteOfJsonNumberedInOrder() {
        PubSubDeliveries deliveries = new PubSubDeliveries();
        PubSubDeliveries.Pending first = deliveries.next();
        PubSubDeliveries.Pending second = deliveries.next();
        assertThat(first.payload()).hasSize(Payloads.SIZE);
        assertThat(new String(second.payload(), StandardCharsets.US_ASCII))
                .startsWith("{\"seq\":2,\"pad\":\"p").endsWith("\"}");
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
    }

    @Test
    void aCloudEventAroundThePayloadCompletesItsMessageOnce() {
        PubSubDeliveries deliveries = new PubSubDeliveries();
        PubSubDeliveries.Pending message = deliveries.next();
        PubSubDeliveries.Pending other = deliveries.next();
        byte[] cloudEvent = ("{\"id\":\"5f1c\",\"data\":" + new String(message.payload(), StandardCharsets.US_ASCII)
                + ",\"topic\":\"t\"}").getBytes(StandardCharsets.US_ASCII);

        deliveries.received(cloudEvent);
        deliveries.received(cloudEvent); // at-least-once: a second delivery changes nothing

        assertThat(message.delivered()).isCompleted();
        assertThat(other.delivered()).isNotDone();
        assertThat(deliveries.abandonPending()).isEqualTo(1);
    }

    @Test
    void bytesWithoutANumberAreIgnored() {
        assertThat(PubSubDeliveries.seqOf("{\"id\":\"x\"}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(PubSubDeliveries.seqOf("{\"seq\":1234}".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1234);
    }
}
