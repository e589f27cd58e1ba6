package io.daprj.components.nats.pubsub;

import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * The JetStream broker passes the pub/sub conformance suite on the real server, ephemeral consumers as in Dapr's own
 * conformance configuration; with {@code concurrency: single} first deliveries keep stream order, as JetStream
 * promises for one consumer.
 */
class JetStreamPubSubConformanceTest extends PubSubConformance {

    private static final JetStreamTestServer SERVER = new JetStreamTestServer();

    @AfterAll
    static void deleteStreams() {
        SERVER.close();
    }

    @Override
    protected PubSub newPubSub() throws Exception {
        return new StreamPerTopicPubSub(SERVER.pubsub(Map.of("concurrency", "single", "flowControl", "true",
                "heartbeat", "5s")), SERVER);
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of();
    }
}
