package io.daprj.components.core.pubsub;

import io.daprj.conformance.pubsub.PubSubConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite broker passes the pub/sub conformance suite on a file, in order. */
class SqlitePubSubConformanceTest extends PubSubConformance {

    @TempDir
    Path dir;

    @Override
    protected PubSub newPubSub() {
        SqlitePubSub pubsub = new SqlitePubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.sqlite", Map.of(
                "connectionString", dir.resolve("pubsub.db").toString(), "redeliveryInterval", "10ms")));
        return pubsub;
    }

    @Override
    protected Set<PubSubFeature> expectedFeatures() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }
}
