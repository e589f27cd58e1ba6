package io.daprj.components.mqtt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 client connection (Paho), set up the way Dapr's MQTT components connect: the client id is the
 * consumer id, automatic reconnection, and manual acknowledgements, so a message is acknowledged (PUBACK) only when
 * {@link #ack} is called after the handler's verdict.
 *
 * <p>Redelivery in MQTT 3.1.1: a broker re-sends an unacknowledged QoS 1/2 message only when the client reconnects
 * with {@code cleanSession} false and resumes its session, never within a connection. Messages are therefore tagged
 * with the connection {@link #generation()} they arrived on; an ack for an older connection is not sent (the broker
 * re-sends that message on the new one, and the packet id may now name another message).
 *
 * <p>Thread safe. {@link Listener} calls come on Paho's callback thread and must not block.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    /** How long a publish, subscribe or connect may take, as Dapr's MQTT components wait. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** What the connection reports. */
    public interface Listener {
        /** A message arrived on connection {@code generation}; hand it off, do not block. */
        void messageArrived(String topic, MqttMessage message, int generation);

        /** The connection came back after a loss; subscriptions are to be renewed without waiting. */
        default void reconnected() {}
    }

    private final MqttAsyncClient client;
    private final String clientId;
    private final AtomicInteger generation = new AtomicInteger();

    private MqttConnection(MqttAsyncClient client, String clientId) {
        this.client = client;
        this.clientId = clientId;
    }

    /** Connects as {@code clientId}; throws {@link IllegalStateException} naming the broker when that fails. */
    public static MqttConnection open(MqttUrl url, String clientId, boolean cleanSession, Listener listener) {
        MqttConnection connection = create(url, clientId, listener);
        connection.connect(url, cleanSession);
        return connection;
    }

    /** A client not connected yet, for callers that must set up before the first message can arrive. */
    public static MqttConnection create(MqttUrl url, String clientId, Listener listener) {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(url.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("mqtt: client id '" + clientId + "' or url " + url.serverUri()
                    + " refused: " + e.getMessage(), e);
        }
        MqttConnection connection = new MqttConnection(client, clientId);
        client.setManualAcks(true);
        client.setCallback(connection.new Callback(listener));
        return connection;
    }

    /** Connects a client made by {@link #create}; closes it and throws {@link IllegalStateException} on failure. */
    public void connect(MqttUrl url, boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1000);
        url.username().ifPresent(options::setUserName);
        url.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        try {
            client.connect(options).waitForCompletion(WAIT.toMillis());
        } catch (MqttException e) {
            close();
            throw new IllegalStateException("mqtt: failed to establish connection to broker " + url.serverUri()
                    + " as '" + clientId + "': " + e.getMessage(), e);
        }
    }

    /** The connection a message arrived on; it changes whenever the connection is lost. */
    public int generation() {
        return generation.get();
    }

    /** Publishes and waits until the broker has it (for QoS 0: until it is sent). */
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        try {
            IMqttDeliveryToken token = client.publish(topic, payload, qos, retain);
            token.waitForCompletion(WAIT.toMillis());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalStateException("mqtt: failed to publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Subscribes and waits for the broker's SUBACK. */
    public void subscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos).waitForCompletion(WAIT.toMillis());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalStateException("mqtt: failed to subscribe to " + filter + ": " + e.getMessage(), e);
        }
    }

    /** Renews a subscription without waiting, for {@link Listener#reconnected}. */
    public void resubscribe(String filter, int qos) {
        try {
            client.subscribe(filter, qos);
        } catch (MqttException e) {
            log.warn("mqtt: renewing the subscription to " + filter + " failed: " + e.getMessage());
        }
    }

    /** Tells the broker to stop sending {@code filter}'s messages to this client. */
    public void unsubscribe(String filter) {
        try {
            client.unsubscribe(filter).waitForCompletion(WAIT.toMillis());
        } catch (MqttException e) {
            log.warn("mqtt: failed to unsubscribe from " + filter + ": " + e.getMessage());
        }
    }

    /** Acknowledges a message that arrived on connection {@code arrivedOn}; a no-op for QoS 0 and older connections. */
    public void ack(MqttMessage message, int arrivedOn) {
        if (message.getQos() == 0 || arrivedOn != generation.get()) {
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            log.warn("mqtt: acknowledging message " + message.getId() + " failed; the broker sends it"
                    + " again on the next connection: " + e.getMessage());
        }
    }

    /** Disconnects (subscriptions of a persistent session stay with the broker) and releases the client. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(200).waitForCompletion(WAIT.toMillis());
            }
        } catch (MqttException e) {
            log.debug("mqtt: disconnecting {}: {}", clientId, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("mqtt: closing {}: {}", clientId, e.getMessage());
        }
    }

    private final class Callback implements MqttCallbackExtended {
        private final Listener listener;

        Callback(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                log.info("mqtt: {} reconnected to {}", clientId, serverURI);
                listener.reconnected();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            generation.incrementAndGet();
            log.warn("mqtt: connection of " + clientId + " lost, reconnecting: " + cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(topic, message, generation.get());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }
}
