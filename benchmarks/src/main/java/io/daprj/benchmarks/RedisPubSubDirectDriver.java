package io.daprj.benchmarks;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redis Streams through Lettuce, in Dapr's layout: XADD of the payload in field {@code data}; a consumer group read
 * with a blocking XREADGROUP on a connection of its own, each batch acknowledged (XACK) after its messages were
 * handed over. The run's streams are deleted on close.
 */
final class RedisPubSubDirectDriver implements PubSubDirectDriver {

    private static final String GROUP = "bench-direct";
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private final List<StatefulRedisConnection<String, byte[]>> readers = new ArrayList<>();
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean closed;

    RedisPubSubDirectDriver(String host, int port) {
        this.client = RedisClient.create("redis://" + host + ":" + port);
        this.connection = client.connect(CODEC);
    }

    @Override
    public void prepareTopic(String topic) {
        streams.add(topic); // the component creates its own group on the stream; only the cleanup is needed here
    }

    @Override
    public void subscribe(String topic, java.util.function.Consumer<byte[]> onMessage) {
        streams.add(topic);
        try {
            connection.sync().xgroupCreate(XReadArgs.StreamOffset.from(topic, "0"), GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException groupExists) {
            // created by an earlier subscribe of this run
        }
        StatefulRedisConnection<String, byte[]> reader = client.connect(CODEC);
        readers.add(reader);
        Thread loop = Thread.ofPlatform().daemon().name("redis-direct-read-" + topic)
                .start(() -> read(reader.sync(), topic, onMessage));
        loops.add(loop);
    }

    private void read(RedisCommands<String, byte[]> commands, String topic,
            java.util.function.Consumer<byte[]> onMessage) {
        Consumer<String> consumer = Consumer.from(GROUP, GROUP);
        XReadArgs args = XReadArgs.Builder.count(100).block(Duration.ofMillis(500));
        while (!closed) {
            try {
                List<StreamMessage<String, byte[]>> entries = commands.xreadgroup(consumer, args,
                        XReadArgs.StreamOffset.lastConsumed(topic));
                if (entries.isEmpty()) {
                    continue;
                }
                String[] ids = new String[entries.size()];
                for (int i = 0; i < ids.length; i++) {
                    onMessage.accept(entries.get(i).getBody().get("data"));
                    ids[i] = entries.get(i).getId();
                }
                commands.xack(topic, GROUP, ids);
            } catch (RuntimeException e) {
                if (!closed) {
                    System.err.println("benchmarks: Redis direct read of " + topic + " failed: " + e);
                }
            }
        }
    }

    @Override
    public CompletableFuture<?> publish(String topic, byte[] payload) {
        return connection.async().xadd(topic, Map.of("data", payload)).toCompletableFuture();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread loop : loops) {
            try {
                loop.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        readers.forEach(StatefulRedisConnection::close);
        if (!streams.isEmpty()) {
            connection.sync().del(streams.toArray(String[]::new));
        }
        connection.close();
        client.shutdown();
    }
}
