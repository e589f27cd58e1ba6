package io.daprj.components.redis;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Redis server this machine runs (127.0.0.1:6379) as one test class sees it: a database (8 to 15) that the class
 * holds alone through a lock key while it runs, so that cleanup never touches keys of another run (other builds on
 * this machine run these tests too), and a raw connection for writing and reading what a component sees.
 */
public class RedisTestDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1:6379";
    private static final String LOCK = "daprj-test-run-lock";

    private final String owner = UUID.randomUUID().toString();
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final int db;

    public RedisTestDatabase() {
        for (int candidate = 8; candidate <= 15; candidate++) {
            RedisClient c = RedisClient.create("redis://" + HOST + "/" + candidate);
            StatefulRedisConnection<String, byte[]> conn =
                    c.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            if ("OK".equals(conn.sync().set(LOCK, owner.getBytes(UTF_8), SetArgs.Builder.nx().ex(600)))) {
                client = c;
                connection = conn;
                db = candidate;
                return;
            }
            conn.close();
            c.shutdown();
        }
        throw new IllegalStateException("every test database from 8 to 15 is held by another run");
    }

    /** Component metadata pointing at this database, with {@code defaults} and then {@code extra} added. */
    public Map<String, String> metadata(Map<String, String> defaults, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("redisHost", HOST, "redisDB", String.valueOf(db)));
        properties.putAll(defaults);
        properties.putAll(extra);
        return properties;
    }

    public RedisCommands<String, byte[]> raw() {
        return connection.sync();
    }

    /** Deletes every key of this database matching {@code pattern} (a Redis glob). */
    public void deleteKeys(String pattern) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
            if (!page.getKeys().isEmpty()) {
                raw().del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** Releases the database for other runs, if this run still holds it. */
    @Override
    public void close() {
        byte[] holder = raw().get(LOCK);
        if (holder != null && owner.equals(new String(holder, UTF_8))) {
            raw().del(LOCK);
        }
        connection.close();
        client.shutdown();
    }
}
