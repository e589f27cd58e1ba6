package io.daprj.components.redis.bindings;

import io.daprj.components.redis.RedisSettings;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.GoDuration;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bindings.redis}: Dapr's Redis output binding. Every operation names its key in request metadata
 * {@code key}. {@code create} stores the data as a string value ({@code SET}), {@code get} answers it (nothing for a
 * missing key; request metadata {@code delete=true} reads and removes it, {@code GETDEL}), {@code delete} removes
 * it, {@code increment} adds one ({@code INCR}). {@code create} and {@code increment} honour request metadata
 * {@code ttlInSeconds} (or {@code ttl}: seconds or a Go duration) as the key's expiry.
 *
 * <p>Thread safe: one multiplexed Lettuce connection serves every caller; calls block. A Redis error (such as
 * {@code INCR} on text) is a {@link BindingInvokeException} with Redis's message.
 */
public final class RedisOutputBinding implements OutputBinding {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> commands;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        RedisSettings metadata = componentMetadata.bind(RedisSettings.class);
        client = RedisClient.create(metadata.uri());
        client.setOptions(metadata.clientOptions());
        try {
            connection = client.connect(CODEC);
        } catch (RedisConnectionException e) {
            close();
            throw new IllegalStateException("redis binding: error connecting to redis at " + metadata.redisHost()
                    + ": " + e.getMessage(), e);
        }
        commands = connection.sync();
    }

    /** Dapr's operations, in Dapr's order. */
    @Override
    public List<String> operations() {
        return List.of("create", "delete", "get", "increment");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata) {
        String key = metadata.getOrDefault("key", "");
        if (key.isEmpty()) {
            throw new BindingInvokeException("redis binding: missing key in request metadata", Map.of());
        }
        try {
            switch (operation) {
                case "create" -> {
                    Optional<Long> ttl = ttlSeconds(metadata);
                    if (ttl.isPresent() && ttl.get() > 0) {
                        commands.set(key, data, SetArgs.Builder.ex(ttl.get()));
                    } else {
                        commands.set(key, data);
                        ttl.ifPresent(seconds -> commands.expire(key, seconds));
                    }
                }
                case "get" -> {
                    byte[] value = "true".equals(metadata.get("delete")) ? commands.getdel(key) : commands.get(key);
                    return Optional.of(BindingResponse.of(value == null ? new byte[0] : value));
                }
                case "delete" -> commands.del(key);
                case "increment" -> {
                    commands.incr(key);
                    ttlSeconds(metadata).ifPresent(seconds -> commands.expire(key, seconds));
                }
                default -> throw new BindingInvokeException("invalid operation type: " + operation, Map.of());
            }
        } catch (RedisCommandExecutionException e) {
            throw new BindingInvokeException(e.getMessage(), Map.of());
        }
        return Optional.empty();
    }

    /**
     * Dapr's {@code ttlInSeconds} / {@code ttl} request metadata in whole seconds: a Go duration, else a positive
     * number of seconds; a negative duration counts as 0, which (as {@code EXPIRE 0} in Dapr) removes the key.
     */
    static Optional<Long> ttlSeconds(Map<String, String> metadata) {
        String value = metadata.getOrDefault("ttl", "");
        if (value.isEmpty()) {
            value = metadata.getOrDefault("ttlInSeconds", "");
        }
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.matches("-?\\d+") && !value.equals("0")) {
                long seconds = Long.parseLong(value);
                if (seconds <= 0) {
                    throw new BindingInvokeException("ttl value must be higher than zero: actual is '" + seconds + "'",
                            Map.of());
                }
                return Optional.of(seconds);
            }
            return Optional.of(Math.max(0, GoDuration.parse(value).toSeconds()));
        } catch (IllegalArgumentException e) {
            throw new BindingInvokeException("ttl value must be a valid integer: actual is '" + value + "'", Map.of());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
    }
}
