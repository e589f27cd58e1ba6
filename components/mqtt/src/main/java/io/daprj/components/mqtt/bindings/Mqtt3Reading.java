package io.daprj.components.mqtt.bindings;

import io.daprj.components.mqtt.BackOff;
import io.daprj.components.mqtt.MqttConnection;
import io.daprj.components.mqtt.MqttUrl;
import io.daprj.components.mqtt.SequentialDelivery;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.InputBinding;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running read of the MQTT binding: its own connection, subscribed to the topic (again after each reconnection), and
 * the in-order delivery of events to the app. The delivery exists before the connection opens, since a kept session
 * sends its waiting messages right away. Closing disconnects without unsubscribing, so the broker keeps the place of a
 * persistent session.
 */
final class Mqtt3Reading implements InputBinding.Reading, MqttConnection.Listener {

    private static final Logger log = LoggerFactory.getLogger(Mqtt3Reading.class);

    private final String topic;
    private final int qos;
    private final MqttConnection connection;
    private final SequentialDelivery delivery;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    Mqtt3Reading(MqttUrl url, String clientId, boolean cleanSession, String topic, int qos, BackOff backOff,
            BindingEventHandler handler, Runnable onClose) {
        this.topic = topic;
        this.qos = qos;
        this.onClose = onClose;
        this.connection = MqttConnection.create(url, clientId, this);
        this.delivery = new SequentialDelivery("binding-" + topic, connection, backOff,
                (arrivedOn, message) -> handler.handle(new BindingEvent(message.getPayload(), Map.of("topic", arrivedOn))));
        try {
            connection.connect(url, cleanSession);
            connection.subscribe(topic, qos);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Subscribing to topic {} (qos: {})", topic, qos);
    }

    @Override
    public void messageArrived(String arrivedOn, MqttMessage message, int generation) {
        delivery.offer(arrivedOn, message, generation);
    }

    @Override
    public void reconnected() {
        connection.resubscribe(topic, qos);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            log.info("Disconnecting and stopping subscription to topic {}", topic);
            connection.close();
            delivery.close();
            onClose.run();
        }
    }
}
