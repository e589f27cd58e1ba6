package io.daprj.components.mqtt.pubsub;

import io.daprj.components.mqtt.BackOff;
import io.daprj.components.mqtt.MqttConnection;
import io.daprj.components.mqtt.SequentialDelivery;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.Subscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;

/**
 * One subscription of the MQTT broker: its topic filter, the topic that filter matches ({@code $share/<group>/}
 * removed), and the in-order delivery to the handler. Messages carry Dapr's metadata {@code retained}.
 */
final class Mqtt3Subscription implements Subscription {

    private static final Pattern SHARED = Pattern.compile("^\\$share/[^/]+/");

    private final String filter;
    private final String matched;
    private final MqttConnection connection;
    private final SequentialDelivery delivery;
    private final boolean unsubscribeOnClose;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    Mqtt3Subscription(String filter, MqttConnection connection, BackOff backOff, MessageHandler handler,
            boolean unsubscribeOnClose, Runnable onClose) {
        this.filter = filter;
        this.matched = SHARED.matcher(filter).replaceFirst("");
        this.connection = connection;
        this.unsubscribeOnClose = unsubscribeOnClose;
        this.onClose = onClose;
        this.delivery = new SequentialDelivery(matched, connection, backOff, (topic, message) -> handler.handle(
                new Message(topic, message.getPayload(), Optional.empty(),
                        Map.of("retained", Boolean.toString(message.isRetained())))));
    }

    /** True when a message published to {@code topic} belongs to this subscription. */
    boolean matches(String topic) {
        try {
            return matched.equals(topic) || MqttTopic.isMatched(matched, topic);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void offer(String topic, MqttMessage message, int generation) {
        delivery.offer(topic, message, generation);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClose.run();
        if (unsubscribeOnClose) {
            connection.unsubscribe(filter);
        }
        delivery.close();
    }
}
