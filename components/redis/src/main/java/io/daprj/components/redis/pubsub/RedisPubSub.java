package io.daprj.components.redis.pubsub;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code pubsub.redis}: Redis Streams as Dapr uses them, so daprd and daprj can publish to and consume from the same
 * streams. A topic is a stream; publishing is XADD with the payload in the field {@code data} (and the metadata as
 * JSON in {@code metadata}), trimmed by {@code maxLenApprox} or {@code streamTTL}. A subscription joins the consumer
 * group {@code consumerID} (default: the app id), created at the start of the stream, so each group gets every
 * retained entry and the consumers of one group share them. An entry is acknowledged only after the handler returned;
 * one whose handler threw, or whose consumer died, stays pending and is claimed and delivered again once it has been
 * pending for {@code processingTimeout} (checked every {@code redeliverInterval}). The group's position lives in
 * Redis, so a restarted sidecar resumes where its group left off.
 *
 * <p>Thread safe: one multiplexed connection serves publishing, acknowledging and claiming; each subscription adds a
 * connection for its blocking reads. Calls block (callers are virtual threads). Redis Cluster and Sentinel are not
 * supported yet.
 */
public final class RedisPubSub implements PubSub {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final List<RedisStreamSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private RedisPubSubMetadata metadata;
    private String group;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> commands;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(RedisPubSubMetadata.class);
        group = metadata.group(componentMetadata.appId());
        client = RedisClient.create(SharedResources.RESOURCES, metadata.uri());
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(metadata.dialTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(metadata.readTimeout().plus(metadata.readTimeout())))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        connection = connect();
        commands = connection.sync();
    }

    /** None: Dapr's Redis broker declares no feature either; the runtime expires messages by their CloudEvent. */
    @Override
    public Set<PubSubFeature> features() {
        return Set.of();
    }

    @Override
    public void publish(PublishRequest request) {
        commands.xadd(request.topic(), trimming(), RedisStreamFields.of(request));
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        createGroup(commands, request.topic(), group);
        RedisStreamSubscription[] self = new RedisStreamSubscription[1];
        self[0] = new RedisStreamSubscription(request.topic(), group, commands, connect(), metadata, handler,
                () -> subscriptions.remove(self[0]));
        subscriptions.add(self[0]);
        return self[0];
    }

    @Override
    public void close() {
        subscriptions.forEach(RedisStreamSubscription::close);
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Creates {@code group} on {@code stream} from its first entry, and the stream if missing; an existing group stays. */
    static void createGroup(RedisCommands<String, byte[]> commands, String stream, String group) {
        try {
            commands.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: the group exists, with its position
        }
    }

    private XAddArgs trimming() {
        XAddArgs args = new XAddArgs();
        if (metadata.maxLenApprox().isPresent()) {
            return args.maxlen(metadata.maxLenApprox().get()).approximateTrimming();
        }
        metadata.streamTTL().ifPresent(ttl ->
                args.minId(String.valueOf(System.currentTimeMillis() - ttl.toMillis())).approximateTrimming());
        return args;
    }

    private StatefulRedisConnection<String, byte[]> connect() {
        try {
            return client.connect(CODEC);
        } catch (RedisConnectionException e) {
            close();
            throw new IllegalStateException("redis streams: error connecting to redis at " + metadata.redisHost()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Event loops and timers shared by every Redis broker of this process, as Lettuce recommends. */
    private static final class SharedResources {
        private static final ClientResources RESOURCES = DefaultClientResources.create();
    }
}
