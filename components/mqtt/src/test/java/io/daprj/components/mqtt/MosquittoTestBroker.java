package io.daprj.components.mqtt;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The Mosquitto broker of this machine (127.0.0.1:1883, anonymous) as the tests see it: hands out client ids unique to
 * this run and, on {@link #close}, discards the persistent sessions they left (a clean-session connect removes one),
 * so the shared broker keeps no queues of ours. {@link #publish} sends with a client of its own.
 */
public final class MosquittoTestBroker implements AutoCloseable {

    public static final String URL = "tcp://127.0.0.1:1883";

    private final List<String> clientIds = new CopyOnWriteArrayList<>();

    /** A fresh client id (also a fresh topic stem), remembered for clean-up along with its {@code suffixes}. */
    public String newClientId(String name, String... suffixes) {
        String id = "daprj-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        clientIds.add(id);
        for (String suffix : suffixes) {
            clientIds.add(id + suffix);
        }
        return id;
    }

    /** Publishes one QoS 1 message as a client that is not the component under test. */
    public void publish(String topic, byte[] payload, boolean retain) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(URL, "daprj-test-publisher-" + UUID.randomUUID(),
                new MemoryPersistence());
        try {
            client.connect().waitForCompletion(10_000);
            client.publish(topic, payload, 1, retain).waitForCompletion(10_000);
            client.disconnect().waitForCompletion(10_000);
        } finally {
            client.close(true);
        }
    }

    @Override
    public void close() {
        for (String id : clientIds) {
            try {
                MqttAsyncClient client = new MqttAsyncClient(URL, id, new MemoryPersistence());
                MqttConnectOptions clean = new MqttConnectOptions();
                clean.setCleanSession(true);
                client.connect(clean).waitForCompletion(10_000);
                client.disconnect().waitForCompletion(10_000);
                client.close(true);
            } catch (MqttException e) {
                // nothing left to clean
            }
        }
    }
}
