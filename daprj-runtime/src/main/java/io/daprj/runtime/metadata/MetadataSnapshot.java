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
        String actorRuntimeStatus) {

    /** A loaded component. */
    public record Component(String name, String type, String version, List<String> capabilities) {}

    /** The app channel as configured by flags. */
    public record AppConnection(int port, String protocol, String channelAddress, int maxConcurrency, Optional<Health> health) {}

    /** App health checking, when enabled. */
    public record Health(String healthCheckPath, String healthProbeInterval, String healthProbeTimeout, int healthThreshold) {}
}
