package io.daprj.runtime.pubsub;

import java.nio.file.Path;

/** The component YAML of a durable {@code pubsub.sqlite} broker named {@code pubsub}, quick to poll and redeliver. */
final class SqliteBrokerYaml {

    private SqliteBrokerYaml() {}

    /** @param concurrency how many messages the component hands to the runtime at once */
    static String of(Path database, int concurrency) {
        return """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata: {name: pubsub}
                spec:
                  type: pubsub.sqlite
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                  - {name: concurrency, value: "%d"}
                  - {name: pollInterval, value: 50ms}
                  - {name: redeliveryInterval, value: 50ms}
                """.formatted(database, concurrency);
    }
}
