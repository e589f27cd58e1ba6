package io.daprj.components.kafka.bindings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.daprj.components.kafka.KafkaTestBroker;
import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.InputBinding;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bindings.kafka} passes the bindings conformance suite on a real broker (input and output on one topic: the
 * binding publishes an event before each test so that reading has one), and keeps what Dapr's tests cannot see:
 * keys and headers reach the app, and an event the app refused is committed only once taken.
 */
@ExtendWith(KafkaTestBroker.class)
class KafkaBindingConformanceTest extends BindingConformance {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic = KafkaTestBroker.unique("binding-test");
    private final String group = topic + "-group";
    private final List<KafkaBinding> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeOpened() {
        opened.forEach(KafkaBinding::close);
    }

    private KafkaBinding open(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("topics", topic, "publishTopic", topic,
                "consumerGroup", group, "initialOffset", "oldest", "consumeRetryInterval", "50ms"));
        properties.putAll(extra);
        KafkaBinding binding = new KafkaBinding();
        binding.init(ComponentMetadata.of("kafka", "bindings.kafka", KafkaTestBroker.metadata(properties)));
        opened.add(binding);
        return binding;
    }

    @Override
    protected Binding newBinding() {
        KafkaBinding binding = open(Map.of());
        binding.invoke("create", outputData(), Map.of());
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("read", "operations", "create");
    }

    @Test
    void createPublishesWithThePartitionKeyAndHeadersTheReaderSees() throws Exception {
        KafkaBinding binding = open(Map.of());
        List<BindingEvent> events = new CopyOnWriteArrayList<>();
        binding.read(e -> {
            events.add(e);
            return new byte[0];
        });
        binding.invoke("create", "{\"n\":1}".getBytes(UTF_8), Map.of("partitionKey", "order-7", "source", "test"));
        await().atMost(WAIT).until(() -> events.size() == 2); // the one newBinding() wrote, then this one
        BindingEvent event = events.get(1);
        assertThat(new String(event.data(), UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(event.metadata()).containsEntry("__key", "order-7").containsEntry("source", "test")
                .containsEntry("__topic", topic).containsEntry("__offset", "1");
    }

    @Test
    void anEventTheAppRefusedComesAgainAndIsCommittedOnlyOnceTaken() throws Exception {
        KafkaBinding first = open(Map.of());
        first.invoke("create", "second".getBytes(UTF_8), Map.of());
        AtomicInteger calls = new AtomicInteger();
        List<String> taken = new CopyOnWriteArrayList<>();
        InputBinding.Reading reading = first.read(e -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("the app answered 500");
            }
            taken.add(new String(e.data(), UTF_8));
            return new byte[0];
        });
        await().atMost(WAIT).until(() -> taken.size() == 2);
        assertThat(taken.getLast()).isEqualTo("second");
        assertThat(calls.get()).isEqualTo(5);
        reading.close();

        // a new reader of the group finds nothing left: both were committed after the app took them
        first.invoke("create", "third".getBytes(UTF_8), Map.of());
        List<String> later = new CopyOnWriteArrayList<>();
        open(Map.of()).read(e -> {
            later.add(new String(e.data(), UTF_8));
            return new byte[0];
        });
        await().atMost(WAIT).until(() -> !later.isEmpty());
        Thread.sleep(500);
        assertThat(later).containsExactly("third");
    }

    @Test
    void withoutPublishTopicCreateFailsNamingIt() {
        KafkaBinding binding = new KafkaBinding();
        binding.init(ComponentMetadata.of("kafka", "bindings.kafka", KafkaTestBroker.metadata(Map.of())));
        opened.add(binding);
        assertThatThrownBy(() -> binding.invoke("create", new byte[0], Map.of()))
                .isInstanceOf(BindingInvokeException.class).hasMessageContaining("publishTopic");
    }
}
