package io.daprj.components.kafka.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.components.kafka.KafkaTestBroker;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Kafka broker's own promises on a real broker: restarts lose nothing, order per key, Dapr's metadata. */
@ExtendWith(KafkaTestBroker.class)
class KafkaPubSubTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String topic = KafkaTestBroker.unique("pubsub-test");
    private final List<KafkaPubSub> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(KafkaPubSub::close);
    }

    @Test
    void aConsumerClosedMidStreamLeavesTheRestToTheNextOneAndNothingIsLostOrRepeated() throws Exception {
        KafkaPubSub first = open("orders", Map.of("initialOffset", "oldest"));
        List<String> sent = publish(first, 0, 20);
        List<String> byFirst = new CopyOnWriteArrayList<>();
        Subscription[] subscription = new Subscription[1];
        Thread[] closer = new Thread[1];
        subscription[0] = first.subscribe(request(), m -> {
            String payload = text(m.data());
            if (payload.equals("m-5")) {
                // the app refuses m-5 and the sidecar stops meanwhile: m-5 must come to the next consumer
                closer[0] = Thread.ofVirtual().start(() -> subscription[0].close());
                Thread.sleep(200);
                throw new IllegalStateException("refused");
            }
            byFirst.add(payload);
        });
        await().atMost(WAIT).until(() -> closer[0] != null);
        closer[0].join();
        assertThat(byFirst).containsExactlyElementsOf(sent.subList(0, 5));

        sent.addAll(publish(first, 20, 30)); // published while the group has no member
        List<String> bySecond = new CopyOnWriteArrayList<>();
        open("orders", Map.of("initialOffset", "oldest")).subscribe(request(), m -> bySecond.add(text(m.data())));
        await().atMost(WAIT).until(() -> bySecond.size() >= 25);
        Thread.sleep(500); // a few more polls, to catch a replay
        assertThat(bySecond).containsExactlyElementsOf(sent.subList(5, 30));
    }

    @Test
    void messagesOfOneKeyArriveInPublishOrderAcrossPartitionsEvenWhenSomeAreRefused() throws Exception {
        KafkaTestBroker.createTopic(topic, 3);
        KafkaPubSub pubsub = open("orders", Map.of());
        Map<String, List<String>> firstArrivals = new ConcurrentHashMap<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, Set<String>> partitionsOfKey = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        pubsub.subscribe(request(), m -> {
            String payload = text(m.data());
            String key = m.metadata().get("__key");
            partitionsOfKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(m.metadata().get("__partition"));
            if (seen.add(payload)) {
                firstArrivals.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(payload);
            }
            if (calls.incrementAndGet() % 7 == 0) {
                throw new IllegalStateException("refused, to be retried in place");
            }
            accepted.add(payload);
        });
        Map<String, List<String>> sentByKey = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            String key = "key-" + (i % 6);
            String payload = key + "/" + i;
            pubsub.publish(new PublishRequest(topic, payload.getBytes(UTF_8), "text/plain", Map.of("partitionKey", key)));
            sentByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(payload);
        }
        await().atMost(WAIT).until(() -> accepted.size() == 60);
        assertThat(firstArrivals).isEqualTo(sentByKey);
        assertThat(partitionsOfKey.values()).allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(partitionsOfKey.values().stream().flatMap(Set::stream).distinct().count()).isGreaterThan(1);
    }

    @Test
    void metadataTravelsAsHeadersWithDaprsRecordFields() throws Exception {
        KafkaTestBroker.createTopic(topic, 3);
        KafkaPubSub pubsub = open("orders", Map.of());
        List<Message> received = new CopyOnWriteArrayList<>();
        pubsub.subscribe(request(), received::add);
        pubsub.publish(new PublishRequest(topic, "a".getBytes(UTF_8), "text/plain",
                Map.of("__key", "order-1", "traceparent", "00-abc-01", "partitionNumber", "2")));
        await().atMost(WAIT).until(() -> received.size() == 1);
        assertThat(received.getFirst().metadata())
                .containsEntry("__key", "order-1").containsEntry("traceparent", "00-abc-01")
                .containsEntry("__topic", topic).containsEntry("__partition", "2").containsEntry("__offset", "0")
                .containsKey("__timestamp").doesNotContainKey("partitionNumber");
        assertThatThrownBy(() -> pubsub.publish(new PublishRequest(topic, new byte[0], "text/plain",
                Map.of("partitionNumber", "-1")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitionNumber");
    }

    @Test
    void everyConsumerGroupGetsEveryMessage() {
        List<String> toOrders = new CopyOnWriteArrayList<>();
        List<String> toAudit = new CopyOnWriteArrayList<>();
        open("orders", Map.of()).subscribe(request(), m -> toOrders.add(text(m.data())));
        open("audit", Map.of()).subscribe(request(), m -> toAudit.add(text(m.data())));
        List<String> sent = publish(opened.getFirst(), 0, 10);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(toOrders).containsExactlyElementsOf(sent);
            assertThat(toAudit).containsExactlyElementsOf(sent);
        });
    }

    @Test
    void twoMembersOfOneGroupShareThePartitionsAndNoMessageReachesBoth() throws Exception {
        KafkaTestBroker.createTopic(topic, 2);
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<String> partitionsOfA = ConcurrentHashMap.newKeySet();
        Set<String> partitionsOfB = ConcurrentHashMap.newKeySet();
        // oldest: a member whose partitions arrive after the publishing starts must still read from the beginning
        // ("newest" would start it after messages published during the group's rebalance)
        open("orders", Map.of("initialOffset", "oldest")).subscribe(request(), m -> {
            partitionsOfA.add(m.metadata().get("__partition"));
            deliveries.merge(text(m.data()), 1, Integer::sum);
        });
        open("orders", Map.of("initialOffset", "oldest")).subscribe(request(), m -> {
            partitionsOfB.add(m.metadata().get("__partition"));
            deliveries.merge(text(m.data()), 1, Integer::sum);
        });
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String payload = "m-" + i;
            opened.getFirst().publish(new PublishRequest(topic, payload.getBytes(UTF_8), "text/plain",
                    Map.of("partitionNumber", Integer.toString(i % 2))));
            sent.add(payload);
        }
        await().atMost(WAIT).until(() -> deliveries.size() == sent.size());
        assertThat(deliveries.values()).containsOnly(1);
        assertThat(partitionsOfA).hasSize(1).doesNotContainAnyElementsOf(partitionsOfB);
        assertThat(partitionsOfB).hasSize(1);
    }

    @Test
    void initialOffsetOldestReadsWhatWasPublishedBeforeTheGroupExistedAndNewestDoesNot() throws Exception {
        KafkaPubSub publisher = open("publisher", Map.of());
        List<String> before = publish(publisher, 0, 3);
        List<String> oldest = new CopyOnWriteArrayList<>();
        List<String> newest = new CopyOnWriteArrayList<>();
        open("from-oldest", Map.of("initialOffset", "oldest")).subscribe(request(), m -> oldest.add(text(m.data())));
        open("from-newest", Map.of("initialOffset", "newest")).subscribe(request(), m -> newest.add(text(m.data())));
        List<String> after = publish(publisher, 3, 5);
        await().atMost(WAIT).until(() -> oldest.size() == 5 && newest.size() == 2);
        assertThat(oldest).containsExactlyElementsOf(concat(before, after));
        assertThat(newest).containsExactlyElementsOf(after);
    }

    @Test
    void consumeRetryDisabledSkipsARefusedMessage() {
        List<String> calls = new CopyOnWriteArrayList<>();
        open("orders", Map.of("consumeRetryEnabled", "false")).subscribe(request(), m -> {
            calls.add(text(m.data()));
            if (text(m.data()).equals("m-1")) {
                throw new IllegalStateException("refused");
            }
        });
        List<String> sent = publish(opened.getFirst(), 0, 3);
        await().atMost(WAIT).until(() -> calls.size() >= 3);
        assertThat(calls).containsExactlyElementsOf(sent);
    }

    @Test
    void badMetadataNamesTheField() {
        for (Map<String, String> bad : List.of(Map.of("authType", "password"), Map.of("brokers", "localhost"),
                Map.of("initialOffset", "middle"), Map.of("consumeRetryInterval", "soon"), Map.of("version", "new"),
                Map.of("sessionTimeout", "1s"))) {
            String field = bad.keySet().iterator().next();
            assertThatThrownBy(() -> new KafkaPubSub().init(ComponentMetadata.of("p", "pubsub.kafka",
                    KafkaTestBroker.metadata(bad)))).as(field).hasMessageContaining(field);
        }
        Map<String, String> noAuthType = new HashMap<>(KafkaTestBroker.metadata(Map.of()));
        noAuthType.remove("authType");
        assertThatThrownBy(() -> new KafkaPubSub().init(ComponentMetadata.of("p", "pubsub.kafka", noAuthType)))
                .hasMessageContaining("authType");
        KafkaPubSub unreachable = new KafkaPubSub();
        assertThatThrownBy(() -> unreachable.init(ComponentMetadata.of("p", "pubsub.kafka",
                KafkaTestBroker.metadata(Map.of("brokers", "127.0.0.1:1", "dialTimeout", "2s")))))
                .hasMessageContaining("127.0.0.1:1");
        unreachable.close();
    }

    private KafkaPubSub open(String group, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("consumerGroup", topic + "-" + group,
                "consumeRetryInterval", "20ms"));
        properties.putAll(extra);
        KafkaPubSub pubsub = new KafkaPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.kafka", KafkaTestBroker.metadata(properties)));
        opened.add(pubsub);
        return pubsub;
    }

    private SubscribeRequest request() {
        return new SubscribeRequest(topic, Map.of());
    }

    private List<String> publish(KafkaPubSub pubsub, int from, int to) {
        List<String> sent = new ArrayList<>(IntStream.range(from, to).mapToObj(i -> "m-" + i).toList());
        sent.forEach(p -> pubsub.publish(new PublishRequest(topic, p.getBytes(UTF_8), "text/plain", Map.of())));
        return sent;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String text(byte[] data) {
        return new String(data, UTF_8);
    }
}
