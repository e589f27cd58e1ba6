package io.daprj.components.redis.state;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.TransactionalStateStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code state.redis}: state in Redis, in Dapr's layout — one hash per key with the fields {@code data} (the value's
 * bytes) and {@code version} (a counter that is the ETag), TTL as the key's own expiry. Features: ETag,
 * transactions, TTL.
 *
 * <p>Thread safe: one multiplexed Lettuce connection serves every caller; calls block (callers are virtual
 * threads). Every write, single or transactional, runs one Lua script that checks all ETags and first-write
 * conditions before it changes anything, so a transaction is all or nothing and concurrent writers with the same
 * ETag cannot both win. Reads that fail on the connection are retried {@code maxRetries} times; writes are not,
 * since a write whose reply was lost may have been applied. Other Redis failures surface as Lettuce's unchecked
 * exceptions (internal errors). Redis Cluster and Sentinel are not supported yet.
 */
public final class RedisStateStore implements TransactionalStateStore {

    private static final Set<StateFeature> FEATURES =
            Set.copyOf(EnumSet.of(StateFeature.ETAG, StateFeature.TRANSACTIONAL, StateFeature.TTL));
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final RedisScript READ = RedisScript.load("read");
    private static final RedisScript WRITE = RedisScript.load("write");

    private RedisStateMetadata metadata;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> commands;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(RedisStateMetadata.class);
        RedisAddress address = metadata.address();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(address.host())
                .withPort(address.port())
                .withDatabase(metadata.redisDB())
                .withSsl(metadata.enableTLS())
                .withVerifyPeer(!metadata.insecureSkipTLSVerify())
                .withTimeout(metadata.readTimeout());
        metadata.redisPassword().ifPresent(password -> metadata.redisUsername().ifPresentOrElse(
                user -> uri.withAuthentication(user, password), () -> uri.withPassword(password.toCharArray())));
        client = RedisClient.create(SharedResources.get(), uri.build());
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(metadata.dialTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(metadata.readTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            connection = client.connect(CODEC);
        } catch (RedisConnectionException e) {
            close();
            throw new IllegalStateException("redis store: error connecting to redis at " + metadata.redisHost()
                    + ": " + e.getMessage(), e);
        }
        commands = connection.sync();
    }

    @Override
    public Set<StateFeature> features() {
        return FEATURES;
    }

    @Override
    public Optional<StateItem> get(GetRequest request) {
        return read(List.of(request.key())).getFirst();
    }

    /** One script call reads every key, so the items are consistent with each other. */
    @Override
    public List<BulkGetItem> bulkGet(List<GetRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Optional<StateItem>> found = read(requests.stream().map(GetRequest::key).toList());
        List<BulkGetItem> items = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            items.add(new BulkGetItem(requests.get(i).key(), found.get(i), Optional.empty()));
        }
        return items;
    }

    @Override
    public void set(SetRequest request) {
        write(List.of(request));
    }

    @Override
    public void delete(DeleteRequest request) {
        write(List.of(request));
    }

    @Override
    public void transact(List<StateOperation> operations, Map<String, String> transactionMetadata) {
        write(operations);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private void write(List<StateOperation> operations) {
        RedisWriteBatch batch = RedisWriteBatch.of(operations, metadata.defaultTtlSeconds());
        if (batch.isEmpty()) {
            return;
        }
        try {
            WRITE.<Long>run(commands, ScriptOutputType.INTEGER, batch.keys(), batch.args());
        } catch (RedisCommandExecutionException e) {
            throw batch.translate(e);
        }
    }

    private List<Optional<StateItem>> read(List<String> keys) {
        String[] keyArray = keys.toArray(String[]::new);
        List<Object> reply = withReadRetries(() -> READ.run(commands, ScriptOutputType.MULTI, keyArray));
        return RedisReadReply.items(keys, reply);
    }

    private <T> T withReadRetries(Supplier<T> call) {
        long pause = Math.max(1, metadata.redisMinRetryInterval().toMillis());
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (RedisConnectionException | RedisCommandTimeoutException e) {
                if (attempt >= metadata.readRetries()) {
                    throw e;
                }
                sleep(pause);
                pause = Math.min(pause * 2, 512);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a Redis read", e);
        }
    }

    /** Event loops and timers shared by every Redis store of this process, as Lettuce recommends. */
    private static final class SharedResources {
        private static final ClientResources RESOURCES = DefaultClientResources.create();

        static ClientResources get() {
            return RESOURCES;
        }
    }
}
