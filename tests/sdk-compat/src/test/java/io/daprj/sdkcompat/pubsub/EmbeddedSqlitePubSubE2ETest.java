package io.daprj.sdkcompat.pubsub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kill test on {@code pubsub.sqlite}, the embedded default {@code pubsub}: same name, type and database file
 * ({@code $DAPRJ_HOME/pubsub.db}, shared by both sidecars), with one change the test needs: {@code processingTimeout}
 * 2 s instead of 60 s, so the claim the killed sidecar held lapses within the test's time.
 */
class EmbeddedSqlitePubSubE2ETest extends AbstractPubSubE2ETest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.sqlite
              version: v1
              metadata:
              - {name: processingTimeout, value: "2s"}
            """;

    @Override
    String pubsubName() {
        return "pubsub";
    }

    @Override
    String componentType() {
        return "pubsub.sqlite";
    }

    @Override
    Optional<String> brokerUnavailable() {
        return Optional.empty(); // a file under the test's DAPRJ_HOME
    }

    @Override
    void writeComponents(Path resources) throws IOException {
        Files.writeString(resources.resolve("pubsub.yaml"), COMPONENT);
    }
}
