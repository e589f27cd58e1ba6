package io.daprj.runtime.configuration;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration API: finds the store by name, calls it and turns failures into daprd's errors and messages.
 * Subscriptions come in two kinds, as in daprd: an HTTP subscription is delivered to the app by
 * {@code POST /configuration/<store>/<key>} and lives until unsubscribed or the store closes; a stream subscription
 * (gRPC) lives as long as its caller's stream, and {@link #endStream} ends it from anywhere.
 */
public final class ConfigurationApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationApi.class);

    private record Stream(String storeName, Runnable onEnd) {}

    private final ComponentStore components;
    private final Optional<AppChannel> app;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    public ConfigurationApi(ComponentStore components, Optional<AppChannel> app) {
        this.components = components;
        this.app = app;
    }

    /** The items of {@code keys} (every key when empty); missing keys are left out. */
    public Map<String, ConfigurationItem> get(String storeName, List<String> keys, Map<String, String> metadata) {
        ConfigurationStore store = store(storeName);
        try {
            return components.outbound(storeName, io.daprj.runtime.resiliency.Resiliency.ComponentKind.CONFIGURATION, "get",
                    () -> store.get(keys, metadata));
        } catch (RuntimeException e) {
            throw DaprError.ERR_CONFIGURATION_GET.with("failed to get " + goList(keys) + " from Configuration store "
                    + storeName + ": " + e.getMessage());
        }
    }

    /** Subscribes for the app: changes are posted to it. Fails with ERR_APP_CHANNEL_NIL when there is no app port. */
    public String subscribeForApp(String storeName, List<String> keys, Map<String, String> metadata) {
        store(storeName);
        AppChannel channel = app.orElseThrow(() -> DaprError.ERR_APP_CHANNEL_NIL.with(
                "app channel is not initialized. cannot subscribe to configuration updates"));
        return subscribe(storeName, keys, metadata, new AppConfigurationDelivery(channel, storeName));
    }

    /**
     * Subscribes for a caller's stream; {@code onEnd} runs once when the subscription ends through
     * {@link #endStream} or {@link #close}.
     */
    public String subscribeStream(String storeName, List<String> keys, Map<String, String> metadata,
            ConfigurationHandler handler, Runnable onEnd) {
        String id = subscribe(storeName, keys, metadata, handler);
        streams.put(id, new Stream(storeName, onEnd));
        return id;
    }

    /**
     * Ends a stream subscription: unsubscribes from the store, then runs its {@code onEnd}.
     *
     * @return false when no stream subscription has this id
     */
    public boolean endStream(String id) {
        Stream stream = streams.remove(id);
        if (stream == null) {
            return false;
        }
        try {
            unsubscribe(stream.storeName(), id);
        } catch (DaprException e) {
            log.debug("{}", e.getMessage());
        } finally {
            stream.onEnd().run();
        }
        return true;
    }

    /** Unsubscribes {@code id} from the store; an unknown id is ERR_CONFIGURATION_UNSUBSCRIBE. */
    public void unsubscribe(String storeName, String id) {
        ConfigurationStore store = store(storeName);
        try {
            store.unsubscribe(id);
        } catch (RuntimeException e) {
            throw DaprError.ERR_CONFIGURATION_UNSUBSCRIBE.with(
                    "failed to unsubscribe to configuration request " + id + ": " + e.getMessage());
        }
    }

    private String subscribe(String storeName, List<String> keys, Map<String, String> metadata,
            ConfigurationHandler handler) {
        ConfigurationStore store = store(storeName);
        try {
            return store.subscribe(keys, metadata, handler);
        } catch (RuntimeException e) {
            throw DaprError.ERR_CONFIGURATION_SUBSCRIBE.with("failed to subscribe " + goList(keys)
                    + " from Configuration store " + storeName + ": " + e.getMessage());
        }
    }

    private ConfigurationStore store(String storeName) {
        if (components.all(ConfigurationStore.class).isEmpty()) {
            throw DaprError.ERR_CONFIGURATION_STORE_NOT_CONFIGURED.with("configuration stores not configured");
        }
        return components.get(ConfigurationStore.class, storeName)
                .orElseThrow(() -> DaprError.ERR_CONFIGURATION_STORE_NOT_FOUND.with(
                        "configuration store " + storeName + " not found"))
                .instance();
    }

    /** Keys as Go's {@code %s} prints a string slice, which daprd's messages use: {@code [a b]}. */
    private static String goList(List<String> keys) {
        return "[" + String.join(" ", keys) + "]";
    }

    /** Ends every stream subscription, so that callers' streams complete when the sidecar stops. */
    @Override
    public void close() {
        List.copyOf(streams.keySet()).forEach(this::endStream);
    }
}
