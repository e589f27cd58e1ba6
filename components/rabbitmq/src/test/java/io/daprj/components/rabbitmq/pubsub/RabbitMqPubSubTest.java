package io.daprj.components.rabbitmq.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.daprj.components.rabbitmq.RabbitMqTestBroker;
import io.daprj.components.rabbitmq.TcpProxy;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RabbitMQ broker's own promises on the real server: Dapr's topology, dead letters, lost connections, TTL. */
class RabbitMqPubSubTest {

    private static final RabbitMqTestBroker BROKER = new RabbitMqTestBroker();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic = RabbitMqTestBroker.unique("pubsub-test");
    private final String consumerId = RabbitMqTestBroker.unique("orders");
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        String queue = consumerId + "-" + topic;
        BROKER.delete(queue, "dlq-" + queue, "dlx-" + queue, topic, "audit-" + topic);
    }

    @AfterAll
    static void release() {
        BROKER.close();
    }

    @Test
    void aTopicIsAFanoutExchangeAndASubscriptionItsConsumerIdQueue() {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(open(RabbitMqTestBroker.URI, Map.of()), m -> received.add(text(m)));
        String queue = consumerId + "-" + topic;
        assertThat(BROKER.queueExists(queue)).isTrue();
        // the same declaration as Dapr's is accepted; another kind is refused, so the exchange is a fanout one
        BROKER.on(ch -> ch.exchangeDeclare(topic, "fanout", false, false, false, null));
        assertThatThrownBy(() -> BROKER.on(ch -> ch.exchangeDeclare(topic, "topic", false, false, false, null)))
                .hasMessageContaining("PRECONDITION_FAILED");
        BROKER.on(ch -> {
            ch.basicPublish(topic, "", null, "published by another client".getBytes(UTF_8));
            return null;
        });
        await().atMost(WAIT).until(() -> received.contains("published by another client"));
    }

    @Test
    void aTopicExchangeDeliversOnlyTheRoutingKeysASubscriptionBoundTo() {
        List<String> received = new CopyOnWriteArrayList<>();
        RabbitMqPubSub pubsub = open(RabbitMqTestBroker.URI, Map.of("exchangeKind", "topic"));
        pubsub.subscribe(new SubscribeRequest(topic, Map.of("routingKey", "eu.*,asia.tokyo")), m -> received.add(text(m)));
        pubsub.publish(request("paris", Map.of("routingKey", "eu.paris")));
        pubsub.publish(request("new york", Map.of("routingKey", "us.nyc")));
        pubsub.publish(request("tokyo", Map.of("routingKey", "asia.tokyo")));
        pubsub.publish(request("berlin", Map.of("routingKey", "eu.berlin")));
        await().atMost(WAIT).until(() -> received.size() == 3);
        assertThat(received).containsExactlyInAnyOrder("paris", "tokyo", "berlin");
    }

    @Test
    void subscribersOfOneConsumerIdShareTheQueueAndEveryConsumerIdGetsEveryMessage() {
        Map<String, Integer> orders = new ConcurrentHashMap<>();
        Set<String> byA = ConcurrentHashMap.newKeySet();
        Set<String> byB = ConcurrentHashMap.newKeySet();
        List<String> audit = new CopyOnWriteArrayList<>();
        Map<String, String> oneAtATime = Map.of("prefetchCount", "1", "concurrencyMode", "single");
        RabbitMqPubSub first = open(RabbitMqTestBroker.URI, oneAtATime);
        subscribe(first, recordInto(byA, orders));
        subscribe(open(RabbitMqTestBroker.URI, oneAtATime), recordInto(byB, orders));
        Map<String, String> auditor = new HashMap<>(oneAtATime);
        auditor.put("consumerID", "audit");
        subscribe(open(RabbitMqTestBroker.URI, auditor), m -> audit.add(text(m)));
        List<String> sent = publish(first, 30);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(orders.keySet()).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(audit).containsExactlyElementsOf(sent);
        });
        assertThat(orders.values()).containsOnly(1);
        assertThat(byA).isNotEmpty().doesNotContainAnyElementsOf(byB);
        assertThat(byB).isNotEmpty();
    }

    @Test
    void aFailedMessageGoesToTheDeadLetterQueueWhenDeadLetteringIsEnabled() {
        List<String> calls = new CopyOnWriteArrayList<>();
        RabbitMqPubSub pubsub = open(RabbitMqTestBroker.URI, Map.of("enableDeadLetter", "true"));
        subscribe(pubsub, m -> {
            calls.add(text(m));
            throw new IllegalStateException("the app failed");
        });
        pubsub.publish(request("poison", Map.of()));
        String dlq = "dlq-" + consumerId + "-" + topic;
        AtomicReference<Optional<GetResponse>> dead = new AtomicReference<>(Optional.empty());
        await().atMost(WAIT).until(() -> {
            dead.set(BROKER.take(dlq));
            return dead.get().isPresent();
        });
        assertThat(new String(dead.get().orElseThrow().getBody(), UTF_8)).isEqualTo("poison");
        assertThat(calls).containsExactly("poison");
    }

    @Test
    void withRequeueInFailureAFailedMessageComesAgainInsteadOfDeadLettering() {
        List<String> calls = new CopyOnWriteArrayList<>();
        RabbitMqPubSub pubsub = open(RabbitMqTestBroker.URI, Map.of("enableDeadLetter", "true",
                "requeueInFailure", "true"));
        subscribe(pubsub, m -> {
            calls.add(text(m));
            if (calls.size() < 3) {
                throw new IllegalStateException("not yet");
            }
        });
        pubsub.publish(request("retried", Map.of()));
        await().atMost(WAIT).until(() -> calls.size() == 3);
        assertThat(calls).containsOnly("retried");
        assertThat(BROKER.messageCount("dlq-" + consumerId + "-" + topic)).isZero();
    }

    @Test
    void messagesInFlightWhenTheConnectionIsCutComeAgainAndNoneIsLost() throws Exception {
        TcpProxy proxy = new TcpProxy(5672);
        opened.add(proxy);
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        CountDownLatch threeHeld = new CountDownLatch(3);
        CountDownLatch cut = new CountDownLatch(1);
        Map<String, String> settings = Map.of("durable", "true", "deletedWhenUnused", "false",
                "prefetchCount", "5", "reconnectWaitSeconds", "200ms");
        RabbitMqPubSub subscriber = open(proxy.uri(), settings);
        Subscription subscription = subscribe(subscriber, m -> {
            String payload = text(m);
            if (deliveries.merge(payload, 1, Integer::sum) == 1 && threeHeld.getCount() > 0) {
                threeHeld.countDown();
                cut.await(); // these three are with the app when the connection drops
            }
            accepted.add(payload);
        });
        List<String> sent = publish(open(RabbitMqTestBroker.URI, settings), 20);
        assertThat(threeHeld.await(20, TimeUnit.SECONDS)).isTrue();
        proxy.cutConnections();
        cut.countDown();

        await().atMost(WAIT).until(() -> accepted.containsAll(sent));
        // the three held ones could not be acknowledged on the dead channel: the broker delivered them again
        assertThat(deliveries.values().stream().filter(n -> n >= 2).count()).isGreaterThanOrEqualTo(3);
        subscription.close();
        assertThat(BROKER.messageCount(consumerId + "-" + topic)).as("messages left unacknowledged").isZero();
    }

    @Test
    void aSubscriptionMadeWhileTheBrokerIsUnreachableStartsOnceItIsBack() throws Exception {
        TcpProxy proxy = new TcpProxy(5672);
        opened.add(proxy);
        RabbitMqPubSub subscriber = open(proxy.uri(), Map.of("reconnectWaitSeconds", "200ms"));
        proxy.refuse(true);
        proxy.cutConnections();
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(subscriber, m -> received.add(text(m)));
        String queue = consumerId + "-" + topic;
        assertThat(BROKER.queueExists(queue)).isFalse();

        proxy.refuse(false);
        await().atMost(WAIT).until(() -> BROKER.queueExists(queue));
        open(RabbitMqTestBroker.URI, Map.of()).publish(request("after the outage", Map.of()));
        await().atMost(WAIT).until(() -> received.contains("after the outage"));
    }

    @Test
    void publishingGoesOnAfterTheConnectionIsCut() throws Exception {
        TcpProxy proxy = new TcpProxy(5672);
        opened.add(proxy);
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(open(RabbitMqTestBroker.URI, Map.of()), m -> received.add(text(m)));
        RabbitMqPubSub publisher = open(proxy.uri(), Map.of("reconnectWaitSeconds", "200ms",
                "publisherConfirm", "true"));
        publisher.publish(request("before", Map.of()));
        proxy.cutConnections();
        publisher.publish(request("after", Map.of()));
        await().atMost(WAIT).until(() -> received.containsAll(List.of("before", "after")));
    }

    @Test
    void aMessageNobodyReadsBeforeItsTtlExpires() throws Exception {
        RabbitMqPubSub pubsub = open(RabbitMqTestBroker.URI, Map.of("deletedWhenUnused", "false"));
        subscribe(pubsub, m -> { }).close(); // leaves the queue, bound, with nobody reading it
        pubsub.publish(request("short-lived", Map.of("ttlInSeconds", "1")));
        pubsub.publish(request("kept", Map.of()));
        String queue = consumerId + "-" + topic;
        await().atMost(WAIT).until(() -> BROKER.messageCount(queue) == 1);
        assertThat(BROKER.take(queue).map(r -> new String(r.getBody(), UTF_8))).contains("kept");
    }

    @Test
    void messagePropertiesReachTheSubscriberWhenAskedFor() {
        List<Message> received = new CopyOnWriteArrayList<>();
        RabbitMqPubSub pubsub = open(RabbitMqTestBroker.URI, Map.of("publishMessagePropertiesToMetadata", "true"));
        subscribe(pubsub, received::add);
        pubsub.publish(request("with properties", Map.of("messageID", "m-1", "correlationID", "c-1")));
        await().atMost(WAIT).until(() -> received.size() == 1);
        assertThat(received.getFirst().metadata()).containsEntry("metadata.messageid", "m-1")
                .containsEntry("metadata.correlationid", "c-1");
    }

    @Test
    void badMetadataNamesTheProblem() {
        assertThatThrownBy(() -> open(RabbitMqTestBroker.URI, Map.of("deliveryMode", "3")))
                .hasMessageContaining("delivery mode");
        assertThatThrownBy(() -> open(RabbitMqTestBroker.URI, Map.of("exchangeKind", "bogus")))
                .hasMessageContaining("exchange kind bogus");
        assertThatThrownBy(() -> open(RabbitMqTestBroker.URI, Map.of("protocol", "amqps")))
                .hasMessageContaining("protocol does not match");
        assertThatThrownBy(() -> open("amqp://guest:secret@127.0.0.1:1", Map.of()))
                .hasMessageContaining("amqp://127.0.0.1:1").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> open("http://127.0.0.1:5672", Map.of())).hasMessageContaining("amqp://");
    }

    private RabbitMqPubSub open(String uri, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("connectionString", uri, "consumerID", consumerId,
                "durable", "false", "deletedWhenUnused", "false", "reconnectWaitSeconds", "1"));
        properties.putAll(extra);
        RabbitMqPubSub pubsub = new RabbitMqPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.rabbitmq", properties));
        opened.add(pubsub);
        return pubsub;
    }

    private Subscription subscribe(RabbitMqPubSub pubsub, io.daprj.spi.pubsub.MessageHandler handler) {
        return pubsub.subscribe(new SubscribeRequest(topic, Map.of()), handler);
    }

    private PublishRequest request(String payload, Map<String, String> metadata) {
        return new PublishRequest(topic, payload.getBytes(UTF_8), "text/plain", metadata);
    }

    private List<String> publish(RabbitMqPubSub pubsub, int count) {
        List<String> sent = IntStream.range(0, count).mapToObj(i -> "m-" + i).toList();
        sent.forEach(p -> pubsub.publish(request(p, Map.of())));
        return sent;
    }

    private static io.daprj.spi.pubsub.MessageHandler recordInto(Set<String> mine, Map<String, Integer> all) {
        return m -> {
            String payload = text(m);
            mine.add(payload);
            all.merge(payload, 1, Integer::sum);
            Thread.sleep(5); // long enough that the other subscriber takes some meanwhile
        };
    }

    private static String text(Message m) {
        return new String(m.data(), UTF_8);
    }
}
