package io.daprj.components.mqtt.bindings;

import io.daprj.components.mqtt.MqttConnection;
import io.daprj.components.mqtt.MqttUrl;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.InputBinding;
import io.daprj.spi.bindings.OutputBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bindings.mqtt3}: reads an MQTT topic and publishes to it, as Dapr's binding does. The reader connects as
 * {@code <consumerID>-consumer} and hands events to the app one at a time in arrival order, with the metadata
 * {@code topic}; an event is acknowledged only once the app took it, and one the app refused is retried
 * {@code backOffMaxRetries} times 5 s apart, then left unacknowledged (with {@code cleanSession} false the broker sends
 * it again on the next connection). The writer connects as {@code <consumerID>-producer} on the first {@code create};
 * a request's metadata {@code topic} names another topic and {@code retain} overrides the component's flag.
 */
public final class Mqtt3Binding implements InputBinding, OutputBinding {

    private static final Logger log = LoggerFactory.getLogger(Mqtt3Binding.class);
    private static final int QOS = 1;
    private static final int PUBLISH_ATTEMPTS = 4;

    private final ReentrantLock producerLock = new ReentrantLock();
    private final AtomicBoolean reading = new AtomicBoolean();
    private Mqtt3BindingMetadata metadata;
    private MqttUrl url;
    private volatile MqttConnection producer;
    private volatile Runnable stopReading = () -> { };

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(Mqtt3BindingMetadata.class);
        url = MqttUrl.parse(metadata.url());
        if (metadata.qos().isPresent()) {
            log.warn("Metadata property 'qos' has been deprecated and is ignored; qos is set to 1");
        }
    }

    @Override
    public List<String> operations() {
        return List.of("create");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> requestMetadata) {
        String topic = Optional.ofNullable(requestMetadata.get("topic")).filter(t -> !t.isBlank())
                .orElse(metadata.topic());
        boolean retain = Optional.ofNullable(requestMetadata.get("retain")).filter(r -> !r.isBlank())
                .map(Boolean::parseBoolean).orElse(metadata.retain());
        MqttConnection connection = producer();
        // Dapr retries a publish a few times, 200 ms apart: Paho may fail one while it reconnects
        for (int attempt = 1; ; attempt++) {
            try {
                connection.publish(topic, data, QOS, retain);
                return Optional.empty();
            } catch (IllegalStateException e) {
                if (attempt == PUBLISH_ATTEMPTS) {
                    throw new BindingInvokeException(e.getMessage(), e);
                }
                sleep(200);
            }
        }
    }

    @Override
    public Reading read(BindingEventHandler handler) {
        if (!reading.compareAndSet(false, true)) {
            throw new IllegalStateException("the subscription is already active");
        }
        try {
            Mqtt3Reading current = new Mqtt3Reading(url, metadata.consumerID() + "-consumer", metadata.cleanSession(),
                    metadata.topic(), QOS, metadata.backOff(), handler, () -> reading.set(false));
            stopReading = current::close;
            return current;
        } catch (RuntimeException e) {
            reading.set(false);
            throw e;
        }
    }

    private MqttConnection producer() {
        MqttConnection current = producer;
        if (current != null) {
            return current;
        }
        producerLock.lock();
        try {
            if (producer == null) {
                producer = MqttConnection.open(url, metadata.consumerID() + "-producer", metadata.cleanSession(),
                        (topic, message, generation) -> { });
            }
            return producer;
        } finally {
            producerLock.unlock();
        }
    }

    @Override
    public void close() {
        stopReading.run();
        producerLock.lock();
        try {
            if (producer != null) {
                producer.close();
                producer = null;
            }
        } finally {
            producerLock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
