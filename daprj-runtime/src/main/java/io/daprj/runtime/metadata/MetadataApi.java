package io.daprj.runtime.metadata;

import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.state.StateApi;
import io.daprj.spi.GoDuration;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the metadata snapshot and keeps the app-set {@code extended} attributes. */
public final class MetadataApi {

    /** The Dapr runtime version whose API daprj serves. */
    public static final String DAPR_RUNTIME_VERSION = "1.17.0";

    private final DaprdOptions options;
    private final ComponentStore components;
    private final Map<String, String> extended = new ConcurrentHashMap<>();

    public MetadataApi(DaprdOptions options, ComponentStore components) {
        this.options = options;
        this.components = components;
        extended.put("daprRuntimeVersion", DAPR_RUNTIME_VERSION);
        extended.put("daprjVersion", version());
    }

    /** {@code PUT /v1.0/metadata/{key}} and gRPC {@code SetMetadata}. */
    public void set(String key, String value) {
        extended.put(key, value);
    }

    public MetadataSnapshot snapshot() {
        List<MetadataSnapshot.Component> list = new ArrayList<>();
        for (LoadedComponent<?> c : components.all()) {
            list.add(new MetadataSnapshot.Component(c.spec().name(), c.spec().type(), c.spec().version(), capabilities(c)));
        }
        Optional<MetadataSnapshot.AppConnection> app = options.appPortValue().map(port -> new MetadataSnapshot.AppConnection(
                port,
                options.appProtocol,
                options.appChannelAddress,
                Math.max(options.appMaxConcurrency, 0),
                options.enableAppHealthCheck
                        ? Optional.of(new MetadataSnapshot.Health(
                                options.appHealthCheckPath,
                                GoDuration.format(options.appHealthProbeIntervalValue()),
                                GoDuration.format(options.appHealthProbeTimeoutValue()),
                                options.appHealthThreshold))
                        : Optional.empty()));
        return new MetadataSnapshot(options.appId, DAPR_RUNTIME_VERSION, List.of(), list, new TreeMap<>(extended), app,
                "DISABLED");
    }

    @SuppressWarnings("unchecked")
    private static List<String> capabilities(LoadedComponent<?> c) {
        if (c.instance() instanceof StateStore) {
            return StateApi.capabilities((LoadedComponent<StateStore>) c).stream().map(StateFeature::name).toList();
        }
        return List.of();
    }

    private static String version() {
        String v = MetadataApi.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
