package io.daprj.components.core.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite broker's own promises: consumer groups, claims, crashes, restarts and retention. */
class SqlitePubSubTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<SqlitePubSub> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SqlitePubSub::close);
    }

    @Test
    void twoConsumersInOneGroupShareTheWorkAndNoMessageReachesBoth() {
        SqlitePubSub a = open("orders", Map.of());
        SqlitePubSub b = open("orders", Map.of());
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        a.subscribe(request("t"), recordInto(byA, deliveries));
        b.subscribe(request("t"), recordInto(byB, deliveries));
        List<String> sent = publish(a, "t", 40);
        await().atMost(WAIT).until(() -> deliveries.size() == sent.size());
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(deliveries.values()).containsOnly(1);
        assertThat(byA).isNotEmpty().doesNotContainAnyElementsOf(byB);
        assertThat(byB).isNotEmpty();
    }

    @Test
    void everyConsumerGroupGetsEveryMessage() {
        SqlitePubSub orders = open("orders", Map.of());
        SqlitePubSub audit = open("audit", Map.of());
        List<String> toOrders = new CopyOnWriteArrayList<>();
        List<String> toAudit = new CopyOnWriteArrayList<>();
        orders.subscribe(request("t"), m -> toOrders.add(text(m.data())));
        audit.subscribe(request("t"), m -> toAudit.add(text(m.data())));
        List<String> sent = publish(orders, "t", 10);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(toOrders).containsExactlyElementsOf(sent);
            assertThat(toAudit).containsExactlyElementsOf(sent);
        });
    }

    @Test
    void aCrashedProcessLeavesItsClaimToAnotherConsumerOfTheGroupAfterTheTimeout() throws Exception {
        SqlitePubSub publisher = open("orders", Map.of());
        List<String> sent = publish(publisher, "t", 5);
        Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", testClassPath(),
                SqliteCrashingConsumer.class.getName(), db().toString(), "t", "orders")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(crashing.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(crashing.exitValue()).as("died in the handler").isEqualTo(SqliteCrashingConsumer.EXIT_CODE);
        } finally {
            crashing.destroyForcibly();
        }

        List<String> received = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        open("orders", Map.of()).subscribe(request("t"), m -> received.add(text(m.data())));
        await().atMost(WAIT).until(() -> received.size() == sent.size());
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        // the four the dead process never claimed come at once; the one it held, only when its 1s claim lapsed
        assertThat(received.getLast()).isEqualTo(sent.getFirst());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }

    @Test
    void aLiveHandlerSlowerThanTheTimeoutKeepsItsClaim() throws Exception {
        Map<String, String> shortLease = Map.of("processingTimeout", "300ms");
        SqlitePubSub slow = open("orders", shortLease);
        SqlitePubSub other = open("orders", shortLease);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> byOther = new CopyOnWriteArrayList<>();
        slow.subscribe(request("t"), m -> {
            held.countDown();
            release.await();
        });
        publish(slow, "t", 1);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        other.subscribe(request("t"), m -> byOther.add(text(m.data())));
        Thread.sleep(1_200); // four lease lengths
        release.countDown();
        assertThat(byOther).isEmpty();
    }

    @Test
    void aRestartResumesWhereTheGroupLeftOffAndLosesNothing() throws Exception {
        SqlitePubSub first = open("orders", Map.of());
        List<String> seen = new CopyOnWriteArrayList<>();
        Subscription s = first.subscribe(request("t"), m -> seen.add(text(m.data())));
        List<String> sent = new ArrayList<>(publish(first, "t", 5));
        await().atMost(WAIT).until(() -> seen.size() == 5);
        s.close();
        first.close();
        opened.remove(first);
        SqlitePubSub publisher = open("publisher", Map.of());
        for (int i = 5; i < 10; i++) {
            publisher.publish(new PublishRequest("t", ("m-" + i).getBytes(UTF_8), "text/plain", Map.of()));
            sent.add("m-" + i);
        }
        open("orders", Map.of()).subscribe(request("t"), m -> seen.add(text(m.data())));
        await().atMost(WAIT).until(() -> seen.size() >= 10);
        Thread.sleep(300); // a few polls, to catch a replay of the first five
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void aFailedMessageComesAgainAfterItsBackoffAndIsDoneOnceAccepted() {
        SqlitePubSub pubsub = open("orders", Map.of("redeliveryInterval", "50ms"));
        List<Long> calls = new CopyOnWriteArrayList<>();
        pubsub.subscribe(request("t"), m -> {
            calls.add(System.nanoTime());
            if (calls.size() < 3) {
                throw new IllegalStateException("not yet");
            }
        });
        publish(pubsub, "t", 1);
        await().atMost(WAIT).until(() -> calls.size() == 3);
        assertThat(Duration.ofNanos(calls.get(2) - calls.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> true);
        assertThat(calls).hasSize(3);
    }

    @Test
    void retentionDeletesOnlyMessagesEveryGroupIsDoneWith() throws Exception {
        SqlitePubSub done = open("done", Map.of("retentionPeriod", "1s"));
        SqlitePubSub lagging = open("lagging", Map.of("retentionPeriod", "1s"));
        List<String> seen = new CopyOnWriteArrayList<>();
        done.subscribe(request("t"), m -> seen.add(text(m.data())));
        lagging.subscribe(request("t"), m -> seen.add("never")).close(); // the group exists, its consumer is away
        publish(done, "t", 3);
        publish(done, "nobody-listens", 2);
        await().atMost(WAIT).until(() -> seen.size() == 3);
        // the scheduled retention (every second here) or this call drops the unsubscribed topic's two only
        await().atMost(WAIT).until(() -> done.deleteRetained() >= 0 && storedMessages() == 3);
        List<String> late = new CopyOnWriteArrayList<>();
        lagging.subscribe(request("t"), m -> late.add(text(m.data())));
        await().atMost(WAIT).until(() -> late.size() == 3);
        await().atMost(WAIT).until(() -> done.deleteRetained() >= 0 && storedMessages() == 0);
        assertThat(seen).doesNotContain("never");
    }

    @Test
    void badMetadataNamesTheField() {
        SqlitePubSub pubsub = new SqlitePubSub();
        assertThatThrownBy(() -> pubsub.init(ComponentMetadata.of("pubsub", "pubsub.sqlite",
                Map.of("connectionString", db().toString(), "concurrency", "0"))))
                .hasMessageContaining("concurrency").hasMessageContaining("expected");
        pubsub.close();
    }

    private SqlitePubSub open(String group, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("connectionString", db().toString(),
                "consumerID", group, "processingTimeout", "1s", "redeliveryInterval", "20ms"));
        properties.putAll(extra);
        SqlitePubSub pubsub = new SqlitePubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.sqlite", properties));
        opened.add(pubsub);
        return pubsub;
    }

    private long storedMessages() throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db());
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pubsub_messages")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private Path db() {
        return dir.resolve("pubsub.db");
    }

    private static SubscribeRequest request(String topic) {
        return new SubscribeRequest(topic, Map.of());
    }

    private static List<String> publish(SqlitePubSub pubsub, String topic, int count) {
        List<String> sent = IntStream.range(0, count).mapToObj(i -> "m-" + i).toList();
        sent.forEach(p -> pubsub.publish(new PublishRequest(topic, p.getBytes(UTF_8), "text/plain", Map.of())));
        return sent;
    }

    private static MessageHandler recordInto(Set<String> mine, Map<String, Integer> all) {
        return m -> {
            String payload = text(m.data());
            mine.add(payload);
            all.merge(payload, 1, Integer::sum);
            Thread.sleep(5); // long enough that the other consumer claims meanwhile
        };
    }

    private static String text(byte[] data) {
        return new String(data, UTF_8);
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
