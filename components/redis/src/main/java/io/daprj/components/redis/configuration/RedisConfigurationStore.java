package io.daprj.components.redis.configuration;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code configuration.redis}: Dapr's Redis configuration store. Items are string keys holding
 * {@code value||version} ({@link RedisConfigurationValue}); other key types are skipped. Subscriptions watch Redis
 * keyspace notifications ({@link RedisKeyspaceSubscription}), which need {@code notify-keyspace-events} to contain
 * {@code K}, {@code g}, {@code $}, {@code x} and {@code e}: like Dapr, subscribe turns them on with
 * {@code CONFIG SET}, but adds the missing flags to the server's current ones instead of replacing them.
 *
 * <p>Thread safe: one multiplexed connection serves reads; each subscription adds a pub/sub connection. Calls block
 * (callers are virtual threads). Redis failures surface as Lettuce's unchecked exceptions.
 */
public final class RedisConfigurationStore implements ConfigurationStore {

    private static final System.Logger LOG = System.getLogger(RedisConfigurationStore.class.getName());
    private static final String REQUIRED_EVENTS = "Kg$xe";
    private static final int BATCH = 500;

    private final Map<String, RedisKeyspaceSubscription> subscriptions = new ConcurrentHashMap<>();
    private RedisConfigurationMetadata metadata;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> commands;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(RedisConfigurationMetadata.class);
        client = RedisClient.create(metadata.uri());
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(metadata.dialTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(metadata.readTimeout()))
                .build());
        try {
            connection = client.connect();
        } catch (RedisConnectionException e) {
            close();
            throw new IllegalStateException("redis store: error connecting to redis at " + metadata.redisHost()
                    + ": " + e.getMessage(), e);
        }
        commands = connection.sync();
    }

    @Override
    public Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> requestMetadata) {
        List<String> asked = keys.isEmpty() ? allKeys() : keys;
        Map<String, ConfigurationItem> items = new LinkedHashMap<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            List<String> batch = asked.subList(from, Math.min(asked.size(), from + BATCH));
            // MGET answers nil for absent keys and for keys of other types, which Dapr skips too
            for (KeyValue<String, String> kv : commands.mget(batch.toArray(String[]::new))) {
                RedisConfigurationValue.parse(kv.getValueOrElse(null))
                        .ifPresent(item -> items.put(kv.getKey(), item));
            }
        }
        return items;
    }

    private List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.limit(BATCH));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    @Override
    public String subscribe(List<String> keys, Map<String, String> requestMetadata, ConfigurationHandler handler) {
        enableKeyspaceEvents();
        String id = UUID.randomUUID().toString();
        subscriptions.put(id, new RedisKeyspaceSubscription(id, client, metadata.redisDB(), List.copyOf(keys),
                key -> get(List.of(key), requestMetadata), handler));
        return id;
    }

    /** Adds the flags Dapr sets to {@code notify-keyspace-events}; a refusal is only logged, as in Dapr. */
    private void enableKeyspaceEvents() {
        try {
            String current = commands.configGet("notify-keyspace-events").getOrDefault("notify-keyspace-events", "");
            String wanted = withRequiredEvents(current);
            if (!wanted.equals(current)) {
                commands.configSet("notify-keyspace-events", wanted);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not enable keyspace notifications on {0} (notify-keyspace-events needs {1}):"
                    + " {2}", metadata.redisHost(), REQUIRED_EVENTS, e.toString());
        }
    }

    /** {@code current} with the flags of {@code Kg$xe} it lacks appended; {@code A} stands for {@code g$lshzxet}. */
    static String withRequiredEvents(String current) {
        StringBuilder flags = new StringBuilder(current);
        for (char flag : REQUIRED_EVENTS.toCharArray()) {
            boolean covered = current.indexOf(flag) >= 0 || flag != 'K' && current.indexOf('A') >= 0;
            if (!covered) {
                flags.append(flag);
            }
        }
        return flags.toString();
    }

    @Override
    public void unsubscribe(String subscriptionId) {
        RedisKeyspaceSubscription subscription = subscriptions.remove(subscriptionId);
        if (subscription == null) {
            throw new IllegalArgumentException("subscription with id " + subscriptionId + " does not exist");
        }
        subscription.close();
    }

    @Override
    public void close() {
        subscriptions.values().forEach(RedisKeyspaceSubscription::close);
        subscriptions.clear();
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
