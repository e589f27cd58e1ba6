package io.daprj.components.rabbitmq.bindings;

import io.daprj.components.rabbitmq.RabbitMqTestBroker;
import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * The RabbitMQ binding passes the bindings conformance suite (read, operations, create) on this machine's server,
 * each test on a queue of its own that already holds a few events for the reading cases.
 */
class RabbitMqBindingConformanceTest extends BindingConformance {

    private static final RabbitMqTestBroker BROKER = new RabbitMqTestBroker();

    private String queue;

    @Override
    protected Binding newBinding() {
        queue = RabbitMqTestBroker.unique("binding-conformance");
        RabbitMqBinding binding = new RabbitMqBinding();
        binding.init(ComponentMetadata.of("rabbitmq", "bindings.rabbitmq", Map.of(
                "host", RabbitMqTestBroker.URI, "queueName", queue, "reconnectWaitInSeconds", "1")));
        for (int i = 0; i < 3; i++) {
            binding.invoke("create", outputData(), Map.of());
        }
        return binding;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("read", "operations", "create");
    }

    @AfterEach
    void deleteQueue() {
        BROKER.delete(queue);
    }

    @AfterAll
    static void release() {
        BROKER.close();
    }
}
