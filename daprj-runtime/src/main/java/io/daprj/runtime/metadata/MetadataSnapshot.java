package io.daprj.runtime.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the metadata API reports, independent of the wire format. */
public record MetadataSnapshot(
        String id,
        String runtimeVersion,
        List<String> enabledFeatures,
        List<Component> components,
        Map<String, String> extended,
        Optional<AppConnection> appConnection,
        String actorRuntimeStatus,
        List<Subscription> subscriptions) {

    /** A snapshot without pub/sub subscriptions. */
    public MetadataSnapshot(String id, String runtimeVersion, List<String> enabledFeatures, List<Component> components,
            Map<String, String> extended, Optional<AppConnection> appConnection, String actorRuntimeStatus) {
        this(id, runtimeVersion, enabledFeatures, components, extended, appConnection, actorRuntimeStatus, List.of());
    }

    /** A pub/sub subscription; {@code type} is DECLARATIVE, PROGRAMMATIC or STREAMING. */
    public record Subscription(String pubsubName, String topic, Map<String, String> metadata, List<Rule> rules,
            String deadLetterTopic, String type) {}

    /** A routing rule of a subscription; {@code match} is empty for the default route. */
    public record Rule(String match, String path) {}

    /** A loaded component. */
    public record Component(String name, String type, String version, List<String> capabilities) {}

    /** The app channel as configured by flags. */
    public record AppConnection(int port, String protocol, String channelAddress, int maxConcurrency, Optional<Health> health) {}

    /** App health checking, when enabled. */
    public record Health(String healthCheckPath, String healthProbeInterval, String healthProbeTimeout, int healthThreshold) {}
}
