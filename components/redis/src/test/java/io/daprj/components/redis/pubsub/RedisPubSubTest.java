package io.daprj.components.redis.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis Streams broker's own promises on the real server: Dapr's wire layout, groups, crashes, restarts. */
class RedisPubSubTest {

    private static final RedisStreamsTestServer SERVER = new RedisStreamsTestServer();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String topic = "pubsub-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<RedisPubSub> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(RedisPubSub::close);
        SERVER.deleteKeys(topic + "*");
    }

    @AfterAll
    static void release() {
        SERVER.close();
    }

    @Test
    void publishWritesTheEntryAsDaprdDoesAndReadsWhatDaprdWrote() {
        RedisPubSub pubsub = open("orders", Map.of());
        pubsub.publish(new PublishRequest(topic, "{\"a\":1}".getBytes(UTF_8), "application/cloudevents+json",
                Map.of("partitionKey", "k")));
        List<StreamMessage<String, byte[]>> entries = SERVER.raw().xrange(topic, Range.create("-", "+"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(text(e.getBody().get("data"))).isEqualTo("{\"a\":1}");
            assertThat(text(e.getBody().get("metadata"))).isEqualTo("{\"partitionKey\":\"k\"}");
        });

        Map<String, byte[]> fromDaprd = new LinkedHashMap<>();
        fromDaprd.put("data", "from daprd".getBytes(UTF_8));
        fromDaprd.put("metadata", "{\"rawPayload\":\"true\"}".getBytes(UTF_8));
        SERVER.raw().xadd(topic, fromDaprd);
        List<Message> received = new CopyOnWriteArrayList<>();
        pubsub.subscribe(request(), received::add);
        await().atMost(WAIT).until(() -> received.size() == 2);
        assertThat(received).filteredOn(m -> text(m.data()).equals("from daprd")).singleElement().satisfies(m -> {
            assertThat(m.metadata()).containsExactly(Map.entry("rawPayload", "true"));
            assertThat(m.topic()).isEqualTo(topic);
        });
        assertThat(received).filteredOn(m -> text(m.data()).equals("{\"a\":1}")).singleElement()
                .satisfies(m -> assertThat(m.metadata()).containsExactly(Map.entry("partitionKey", "k")));
    }

    @Test
    void twoConsumersInOneGroupShareTheWorkAndNoMessageReachesBoth() {
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        RedisPubSub a = open("orders", Map.of("concurrency", "1", "queueDepth", "1"));
        RedisPubSub b = open("orders", Map.of("concurrency", "1", "queueDepth", "1"));
        a.subscribe(request(), recordInto(byA, deliveries));
        b.subscribe(request(), recordInto(byB, deliveries));
        List<String> sent = publish(a, 40);
        await().atMost(WAIT).until(() -> deliveries.size() == sent.size());
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(deliveries.values()).containsOnly(1);
        assertThat(byA).isNotEmpty().doesNotContainAnyElementsOf(byB);
        assertThat(byB).isNotEmpty();
    }

    @Test
    void everyConsumerGroupGetsEveryMessage() {
        List<String> toOrders = new CopyOnWriteArrayList<>();
        List<String> toAudit = new CopyOnWriteArrayList<>();
        open("orders", Map.of("concurrency", "1")).subscribe(request(), m -> toOrders.add(text(m.data())));
        open("audit", Map.of("concurrency", "1")).subscribe(request(), m -> toAudit.add(text(m.data())));
        List<String> sent = publish(opened.getFirst(), 10);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(toOrders).containsExactlyElementsOf(sent);
            assertThat(toAudit).containsExactlyElementsOf(sent);
        });
    }

    @Test
    void messagesAConsumerDiedHoldingGoToAnotherConsumerOfTheGroupAfterTheTimeout() {
        RedisPubSub publisher = open("publisher", Map.of());
        List<String> sent = publish(publisher, 5);
        RedisPubSub.createGroup(SERVER.raw(), topic, "orders");
        // a consumer of the group (daprd names it after the group) reads three and dies before acknowledging
        List<StreamMessage<String, byte[]>> taken = SERVER.raw().xreadgroup(Consumer.from("orders", "orders"),
                XReadArgs.Builder.count(3), XReadArgs.StreamOffset.lastConsumed(topic));
        assertThat(taken).hasSize(3);

        List<String> received = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        open("orders", Map.of("processingTimeout", "1s")).subscribe(request(), m -> received.add(text(m.data())));
        await().atMost(WAIT).until(() -> received.size() == sent.size());
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        // the free ones first (in either order: the broker handles several at once), the dead one's after 1s
        assertThat(received.subList(0, 2)).containsExactlyInAnyOrder("m-3", "m-4");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        await().atMost(WAIT).until(() -> SERVER.raw().xpending(topic, "orders").getCount() == 0);
    }

    @Test
    void aFailedMessageStaysPendingAndComesAgainAfterTheTimeout() {
        List<Long> calls = new CopyOnWriteArrayList<>();
        open("orders", Map.of("processingTimeout", "300ms")).subscribe(request(), m -> {
            calls.add(System.nanoTime());
            if (calls.size() < 3) {
                throw new IllegalStateException("not yet");
            }
        });
        publish(opened.getFirst(), 1);
        await().atMost(WAIT).until(() -> calls.size() == 3);
        assertThat(Duration.ofNanos(calls.get(2) - calls.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        await().atMost(WAIT).until(() -> SERVER.raw().xpending(topic, "orders").getCount() == 0);
        assertThat(calls).hasSize(3);
    }

    @Test
    void aLiveHandlerSlowerThanTheTimeoutKeepsItsMessage() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> byOther = new CopyOnWriteArrayList<>();
        Map<String, String> shortTimeout = Map.of("processingTimeout", "600ms", "redeliverInterval", "50ms");
        open("orders", shortTimeout).subscribe(request(), m -> {
            held.countDown();
            release.await();
        });
        publish(opened.getFirst(), 1);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        open("orders", shortTimeout).subscribe(request(), m -> byOther.add(text(m.data())));
        Thread.sleep(2_000); // over three timeouts
        release.countDown();
        assertThat(byOther).isEmpty();
        await().atMost(WAIT).until(() -> SERVER.raw().xpending(topic, "orders").getCount() == 0);
    }

    @Test
    void aRestartResumesWhereTheGroupLeftOffAndLosesNothing() throws Exception {
        RedisPubSub first = open("orders", Map.of("concurrency", "1"));
        List<String> seen = new CopyOnWriteArrayList<>();
        first.subscribe(request(), m -> seen.add(text(m.data())));
        List<String> sent = new ArrayList<>(publish(first, 5));
        await().atMost(WAIT).until(() -> seen.size() == 5);
        first.close();
        opened.remove(first);
        RedisPubSub publisher = open("publisher", Map.of());
        for (int i = 5; i < 10; i++) {
            publisher.publish(new PublishRequest(topic, ("m-" + i).getBytes(UTF_8), "text/plain", Map.of()));
            sent.add("m-" + i);
        }
        open("orders", Map.of("concurrency", "1")).subscribe(request(), m -> seen.add(text(m.data())));
        await().atMost(WAIT).until(() -> seen.size() >= 10);
        Thread.sleep(300); // a few reads, to catch a replay of the first five
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void maxLenApproxTrimsTheStreamOnPublish() {
        RedisPubSub pubsub = open("orders", Map.of("maxLenApprox", "10"));
        publish(pubsub, 1_000);
        assertThat(SERVER.raw().xlen(topic)).isLessThan(1_000);
    }

    @Test
    void badMetadataNamesTheField() {
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("concurrency", "0")))
                .hasMessageContaining("concurrency").hasMessageContaining("expected");
        assertThatThrownBy(() -> SERVER.pubsub(Map.of("redisHost", "localhost:notaport")))
                .hasMessageContaining("redisHost");
        RedisPubSub unreachable = new RedisPubSub();
        assertThatThrownBy(() -> unreachable.init(ComponentMetadata.of("pubsub", "pubsub.redis",
                Map.of("redisHost", "127.0.0.1:1", "dialTimeout", "1s"))))
                .hasMessageContaining("127.0.0.1:1");
        unreachable.close();
    }

    private RedisPubSub open(String group, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("consumerID", group));
        properties.putAll(extra);
        RedisPubSub pubsub = SERVER.pubsub(properties);
        opened.add(pubsub);
        return pubsub;
    }

    private SubscribeRequest request() {
        return new SubscribeRequest(topic, Map.of());
    }

    private List<String> publish(RedisPubSub pubsub, int count) {
        List<String> sent = IntStream.range(0, count).mapToObj(i -> "m-" + i).toList();
        sent.forEach(p -> pubsub.publish(new PublishRequest(topic, p.getBytes(UTF_8), "text/plain", Map.of())));
        return sent;
    }

    private static MessageHandler recordInto(Set<String> mine, Map<String, Integer> all) {
        return m -> {
            String payload = text(m.data());
            mine.add(payload);
            all.merge(payload, 1, Integer::sum);
            Thread.sleep(5); // long enough that the other consumer reads meanwhile
        };
    }

    private static String text(byte[] data) {
        return new String(data, UTF_8);
    }
}
