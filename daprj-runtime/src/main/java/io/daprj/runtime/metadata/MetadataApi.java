package io.daprj.runtime.metadata;

import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.pubsub.SubscriptionSpec;
import io.daprj.runtime.state.StateApi;
import io.daprj.spi.GoDuration;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Builds the metadata snapshot and keeps the app-set {@code extended} attributes. */
public final class MetadataApi {

    /** The Dapr runtime version whose API daprj serves. */
    public static final String DAPR_RUNTIME_VERSION = "1.17.0";

    private final DaprdOptions options;
    private final ComponentStore components;
    private final Map<String, String> extended = new ConcurrentHashMap<>();
    private volatile Supplier<List<SubscriptionSpec>> subscriptions = List::of;

    public MetadataApi(DaprdOptions options, ComponentStore components) {
        this.options = options;
        this.components = components;
        extended.put("daprRuntimeVersion", DAPR_RUNTIME_VERSION);
        extended.put("daprjVersion", version());
    }

    /** Where the snapshot reads the running pub/sub subscriptions from. */
    public void subscriptions(Supplier<List<SubscriptionSpec>> source) {
        this.subscriptions = source;
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
                "DISABLED", subscriptions.get().stream().map(MetadataApi::subscription).toList());
    }

    private static MetadataSnapshot.Subscription subscription(SubscriptionSpec s) {
        return new MetadataSnapshot.Subscription(s.pubsubName(), s.topic(), s.metadata(),
                s.rules().stream().map(r -> new MetadataSnapshot.Rule(r.match(), r.path())).toList(),
                s.deadLetterTopic(), s.type().name());
    }

    @SuppressWarnings("unchecked")
    private static List<String> capabilities(LoadedComponent<?> c) {
        if (c.instance() instanceof PubSub pubsub) {
            return pubsub.features().stream().map(PubSubFeature::name).sorted().toList();
        }
        if (c.instance() instanceof StateStore) {
            return StateApi.capabilities((LoadedComponent<StateStore>) c).stream().map(StateFeature::name).toList();
        }
        List<String> binding = new java.util.ArrayList<>();
        if (c.instance() instanceof io.daprj.spi.bindings.InputBinding) {
            binding.add("INPUT_BINDING");
        }
        if (c.instance() instanceof io.daprj.spi.bindings.OutputBinding) {
            binding.add("OUTPUT_BINDING");
        }
        return binding;
    }

    private static String version() {
        String v = MetadataApi.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
