package io.daprj.components.redis.lock;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.LockStore;
import io.daprj.spi.lock.UnlockStatus;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lock.redis}: Dapr's standalone Redis lock. A lock is a string key holding the owner, taken with
 * {@code SET NX PX} so the key expires with the lock; unlock is a Lua compare-and-delete, so one owner can never
 * release another's lock. Keys and values are as daprd writes them, so daprj and daprd sidecars can share locks.
 *
 * <p>Thread safe: one multiplexed Lettuce connection serves every caller; calls block (callers are virtual threads).
 * Like Dapr, init refuses a server with connected replicas (a lock could be lost on failover) and Redis Cluster.
 * Redis failures surface as Lettuce's unchecked exceptions (internal errors); nothing is retried, since a lost reply
 * may hide a lock that was taken.
 */
public final class RedisLockStore implements LockStore {

    // 1 deleted, -1 no such lock, -2 someone else's: the numbers Dapr's script returns
    private static final String UNLOCK = "local v = redis.call('GET', KEYS[1])\n"
            + "if not v then return -1 end\n"
            + "if v ~= ARGV[1] then return -2 end\n"
            + "return redis.call('DEL', KEYS[1])";
    private static final Pattern REPLICAS = Pattern.compile("connected_slaves:(\\d+)");

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> commands;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        RedisLockMetadata metadata = componentMetadata.bind(RedisLockMetadata.class);
        client = RedisClient.create(metadata.uri());
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(metadata.dialTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(metadata.readTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try {
            connection = client.connect();
        } catch (RedisConnectionException e) {
            close();
            throw new IllegalStateException("redis lock: error connecting to redis at " + metadata.redisHost()
                    + ": " + e.getMessage(), e);
        }
        commands = connection.sync();
        Matcher replicas = REPLICAS.matcher(commands.info("replication"));
        if (replicas.find() && Integer.parseInt(replicas.group(1)) > 0) {
            close();
            throw new IllegalStateException("redis lock: replication is not supported (the server at "
                    + metadata.redisHost() + " has " + replicas.group(1) + " replicas)");
        }
    }

    @Override
    public boolean tryLock(String resourceId, String owner, Duration expiry) {
        return "OK".equals(commands.set(resourceId, owner, SetArgs.Builder.nx().px(expiry.toMillis())));
    }

    @Override
    public UnlockStatus unlock(String resourceId, String owner) {
        long result = commands.<Long>eval(UNLOCK, ScriptOutputType.INTEGER, new String[] {resourceId}, owner);
        if (result >= 0) {
            return UnlockStatus.SUCCESS;
        }
        return result == -1 ? UnlockStatus.LOCK_DOES_NOT_EXIST
                : result == -2 ? UnlockStatus.LOCK_BELONGS_TO_OTHERS : UnlockStatus.INTERNAL_ERROR;
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
}
