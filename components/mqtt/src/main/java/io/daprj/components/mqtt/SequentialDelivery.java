package io.daprj.components.mqtt;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the messages of one subscription to its handler one at a time, in arrival order, on a virtual thread of its
 * own, so a slow or failing topic holds up no other. A message is acknowledged only after the handler returned. When
 * the handler throws, the message is tried again here after the {@link BackOff} delay (MQTT 3.1.1 has no way to ask
 * the broker for it again within a connection); once the retries are exhausted, or the delivery is closed, it is left
 * unacknowledged, and a broker keeping the session ({@code cleanSession} false) sends it again on the next connection.
 */
public final class SequentialDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SequentialDelivery.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The component's side: throws when the message is not taken. */
    @FunctionalInterface
    public interface Handler {
        void handle(String topic, MqttMessage message) throws Exception;
    }

    private record Arrival(String topic, MqttMessage message, int generation) {}

    private final MqttConnection connection;
    private final BackOff backOff;
    private final Handler handler;
    private final LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread worker;

    public SequentialDelivery(String name, MqttConnection connection, BackOff backOff, Handler handler) {
        this.connection = connection;
        this.backOff = backOff;
        this.handler = handler;
        this.worker = Thread.ofVirtual().name("daprj-mqtt-" + name).start(this::run);
    }

    /** Queues a message that arrived on connection {@code generation}; never blocks. */
    public void offer(String topic, MqttMessage message, int generation) {
        arrivals.add(new Arrival(topic, message, generation));
    }

    private boolean closed() {
        return closing.getCount() == 0;
    }

    private void run() {
        try {
            while (!closed()) {
                Arrival next = arrivals.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (next != null) {
                    deliver(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Arrival arrival) throws InterruptedException {
        for (long retry = 0; !closed(); retry++) {
            try {
                handler.handle(arrival.topic(), arrival.message());
                connection.ack(arrival.message(), arrival.generation());
                return;
            } catch (Exception e) {
                if (backOff.exhausted(retry)) {
                    log.warn("mqtt: message " + arrival.message().getId() + " of " + arrival.topic()
                            + " failed " + (retry + 1) + " time(s); left unacknowledged until the next connection: "
                            + e.getMessage());
                    return;
                }
                log.debug("mqtt: message {} of {} failed, retrying: {}", arrival.message().getId(),
                        arrival.topic(), e.toString());
                if (closing.await(backOff.delay(retry).toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    /** Stops delivering and returns once the handler call in progress, if any, has returned; never throws. */
    @Override
    public void close() {
        closing.countDown();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
