package io.daprj.components.core.pubsub;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.SubscribeRequest;
import java.util.Map;

/**
 * A consumer process that dies the moment it is handed a message, as a killed sidecar would: it halts the JVM inside
 * the handler, so its claim is never finished nor released. Arguments: database file, topic, consumer group.
 */
final class SqliteCrashingConsumer {

    static final int EXIT_CODE = 37;

    private SqliteCrashingConsumer() {}

    public static void main(String[] args) throws InterruptedException {
        SqlitePubSub pubsub = new SqlitePubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.sqlite", Map.of(
                "connectionString", args[0], "consumerID", args[2], "processingTimeout", "1s")));
        pubsub.subscribe(new SubscribeRequest(args[1], Map.of()), message -> Runtime.getRuntime().halt(EXIT_CODE));
        Thread.sleep(20_000); // the test gives it a message well before this
        Runtime.getRuntime().halt(1);
    }
}
