package io.daprj.components.redis.configuration;

import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationItem;
import io.daprj.spi.configuration.ConfigurationUpdate;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One subscription of {@code configuration.redis}: a pub/sub connection of its own on the keyspace channels
 * {@code __keyspace@<db>__:<key>} (a pattern on {@code *} for all keys), as Dapr's store does. Each notification
 * is turned into an update by reading the key again (an absent or empty key is reported as
 * {@link ConfigurationItem#EMPTY}); notifications arrive on Lettuce's event loop and are handled in order on one
 * virtual thread, since the read and the handler block.
 */
final class RedisKeyspaceSubscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisKeyspaceSubscription.class.getName());

    private final String id;
    private final String channelPrefix;
    private final Function<String, Map<String, ConfigurationItem>> read;
    private final ConfigurationHandler handler;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("redis-config-", 0).factory());
    private final StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean closed;

    /** Subscribes and returns once Redis confirmed every channel. */
    RedisKeyspaceSubscription(String id, RedisClient client, int db, List<String> keys,
            Function<String, Map<String, ConfigurationItem>> read, ConfigurationHandler handler) {
        this.id = id;
        this.channelPrefix = "__keyspace@" + db + "__:";
        this.read = read;
        this.handler = handler;
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String event) {
                changed(channel);
            }

            @Override
            public void message(String pattern, String channel, String event) {
                changed(channel);
            }
        });
        try {
            if (keys.isEmpty()) {
                connection.sync().psubscribe(channelPrefix + "*");
            } else {
                connection.sync().subscribe(keys.stream().map(k -> channelPrefix + k).toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void changed(String channel) {
        if (closed || !channel.startsWith(channelPrefix)) {
            return;
        }
        String key = channel.substring(channelPrefix.length());
        worker.execute(() -> {
            if (closed) {
                return;
            }
            try {
                ConfigurationItem item = read.apply(key).getOrDefault(key, ConfigurationItem.EMPTY);
                handler.onUpdate(new ConfigurationUpdate(id, Map.of(key, item)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "configuration update of key {0} for subscription {1} failed: {2}", key, id,
                        e.toString());
            }
        });
    }

    /** Stops notifications: nothing reaches the handler once this returns, except a call already running. */
    @Override
    public void close() {
        closed = true;
        connection.close();
        worker.shutdown();
    }
}
