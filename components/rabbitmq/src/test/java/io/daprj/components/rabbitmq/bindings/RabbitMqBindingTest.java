package io.daprj.components.rabbitmq.bindings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.daprj.components.rabbitmq.RabbitMqTestBroker;
import io.daprj.components.rabbitmq.TcpProxy;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.InputBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RabbitMQ binding's own promises on the real server: redelivery of refused events, message properties, TTL. */
class RabbitMqBindingTest {

    private static final RabbitMqTestBroker BROKER = new RabbitMqTestBroker();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String queue = RabbitMqTestBroker.unique("binding-test");
    private final List<RabbitMqBinding> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(RabbitMqBinding::close);
        BROKER.delete(queue);
    }

    @AfterAll
    static void release() {
        BROKER.close();
    }

    @Test
    void anEventTheAppRefusedIsDeliveredAgainUntilTakenAndThenAcknowledged() {
        RabbitMqBinding binding = open(Map.of());
        binding.invoke("create", "order-1".getBytes(UTF_8), Map.of());
        List<String> calls = new CopyOnWriteArrayList<>();
        InputBinding.Reading reading = binding.read(event -> {
            calls.add(new String(event.data(), UTF_8));
            if (calls.size() < 3) {
                throw new IllegalStateException("the app answered 500");
            }
            return new byte[0];
        });
        await().atMost(WAIT).until(() -> calls.size() == 3);
        reading.close();
        assertThat(calls).containsOnly("order-1");
        assertThat(BROKER.messageCount(queue)).as("left in the queue after the app took it").isZero();
    }

    @Test
    void anEventBeingHandledWhenReadingStopsStaysInTheQueue() throws Exception {
        RabbitMqBinding binding = open(Map.of());
        binding.invoke("create", "slow".getBytes(UTF_8), Map.of());
        binding.invoke("create", "next".getBytes(UTF_8), Map.of());
        List<String> taken = new CopyOnWriteArrayList<>();
        InputBinding.Reading reading = binding.read(event -> {
            taken.add(new String(event.data(), UTF_8));
            throw new IllegalStateException("the app is down");
        });
        await().atMost(WAIT).until(() -> !taken.isEmpty());
        reading.close();
        assertThat(BROKER.messageCount(queue)).isEqualTo(2);
    }

    @Test
    void readingAndCreatingGoOnAfterTheConnectionIsCut() throws Exception {
        try (TcpProxy proxy = new TcpProxy(5672)) {
            RabbitMqBinding binding = open(Map.of("host", proxy.uri(), "reconnectWaitInSeconds", "200ms"));
            List<String> taken = new CopyOnWriteArrayList<>();
            binding.read(event -> {
                taken.add(new String(event.data(), UTF_8));
                return new byte[0];
            });
            binding.invoke("create", "before".getBytes(UTF_8), Map.of());
            await().atMost(WAIT).until(() -> taken.contains("before"));
            proxy.cutConnections();
            binding.invoke("create", "after".getBytes(UTF_8), Map.of());
            await().atMost(WAIT).until(() -> taken.contains("after"));
        }
    }

    @Test
    void createPublishesPersistentlyWithMetadataAsHeadersTtlAndPriority() {
        RabbitMqBinding binding = open(Map.of("maxPriority", "5", "durable", "true"));
        binding.invoke("create", "{\"a\":1}".getBytes(UTF_8),
                Map.of("ttlInSeconds", "60", "priority", "3", "x-custom", "v", "contentType", "application/json"));
        GetResponse raw = BROKER.take(queue).orElseThrow();
        assertThat(new String(raw.getBody(), UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(raw.getProps().getDeliveryMode()).isEqualTo(2);
        assertThat(raw.getProps().getExpiration()).isEqualTo("60000");
        assertThat(raw.getProps().getPriority()).isEqualTo(3);
        assertThat(raw.getProps().getContentType()).isEqualTo("application/json");
        assertThat(raw.getProps().getHeaders().get("x-custom")).hasToString("v");
    }

    @Test
    void headersReachTheAppAsEventMetadata() {
        RabbitMqBinding binding = open(Map.of());
        binding.invoke("create", "with headers".getBytes(UTF_8), Map.of("customer", "c 1"));
        List<BindingEvent> events = new CopyOnWriteArrayList<>();
        binding.read(event -> {
            events.add(event);
            return new byte[0];
        });
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(events.getFirst().metadata()).containsEntry("customer", "c 1");
    }

    @Test
    void theQueueTtlExpiresMessagesNobodyRead() {
        RabbitMqBinding binding = open(Map.of("ttlInSeconds", "1"));
        binding.invoke("create", "short-lived".getBytes(UTF_8), Map.of());
        await().atMost(WAIT).until(() -> BROKER.messageCount(queue) == 0);
        assertThat(BROKER.take(queue)).isEmpty();
    }

    @Test
    void badRequestsAndMetadataNameTheProblem() {
        RabbitMqBinding binding = open(Map.of());
        assertThatThrownBy(() -> binding.invoke("create", new byte[0], Map.of("ttlInSeconds", "soon")))
                .isInstanceOf(BindingInvokeException.class).hasMessageContaining("ttlInSeconds");
        assertThatThrownBy(() -> open(Map.of("queueName", ""))).hasMessageContaining("queueName");
        assertThatThrownBy(() -> new RabbitMqBinding().init(ComponentMetadata.of("b", "bindings.rabbitmq",
                Map.of("queueName", queue)))).hasMessageContaining("host");
    }

    private RabbitMqBinding open(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("host", RabbitMqTestBroker.URI, "queueName", queue,
                "reconnectWaitInSeconds", "1"));
        properties.putAll(extra);
        RabbitMqBinding binding = new RabbitMqBinding();
        try {
            binding.init(ComponentMetadata.of("rabbitmq", "bindings.rabbitmq", properties));
        } catch (Exception e) {
            binding.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        opened.add(binding);
        return binding;
    }
}
