package io.daprj.components.mqtt.pubsub;

import io.daprj.components.mqtt.MqttConnection;
import io.daprj.components.mqtt.MqttUrl;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pubsub.mqtt3}: an MQTT 3.1.1 broker as Dapr uses it. One connection, whose client id is {@code consumerID},
 * publishes and subscribes; topics may hold MQTT wildcards ({@code +}, {@code #}), and a shared subscription
 * {@code $share/<group>/<topic>} (the app names it; Dapr adds none) is matched by its topic. Each subscription hands
 * its messages to the handler in arrival order and acknowledges one only after the handler returned; a failed message
 * is retried here with back-off (see {@code SequentialDelivery}: MQTT 3.1.1 redelivers only on a new connection).
 *
 * <p>With {@code cleanSession} false (the default) the broker keeps the subscriptions and every unacknowledged
 * message for this client id while it is away, so a restarted sidecar gets them; closing a subscription then does not
 * unsubscribe (unless its metadata says {@code unsubscribeOnClose}), as in Dapr, so the broker keeps its place.
 */
public final class Mqtt3PubSub implements PubSub {

    private static final Logger log = LoggerFactory.getLogger(Mqtt3PubSub.class);
    static final String UNSUBSCRIBE_ON_CLOSE = "unsubscribeOnClose";

    private final Map<String, Mqtt3Subscription> subscriptions = new ConcurrentHashMap<>();
    /** Messages no subscription matched yet: a kept session sends its backlog before the subscriptions are back. */
    private final List<Unrouted> unrouted = new ArrayList<>();
    private final Object routing = new Object();
    private Mqtt3PubSubMetadata metadata;
    private MqttConnection connection;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        metadata = componentMetadata.bind(Mqtt3PubSubMetadata.class);
        connection = MqttConnection.open(MqttUrl.parse(metadata.url()), metadata.clientId(componentMetadata.appId()),
                metadata.cleanSession(), new MqttConnection.Listener() {
                    @Override
                    public void messageArrived(String topic, MqttMessage message, int generation) {
                        route(topic, message, generation);
                    }

                    @Override
                    public void reconnected() {
                        subscriptions.keySet().forEach(filter -> connection.resubscribe(filter, metadata.qos()));
                    }
                });
    }

    /** Wildcard topics, as Dapr's MQTT broker declares. */
    @Override
    public Set<PubSubFeature> features() {
        return Set.of(PubSubFeature.SUBSCRIBE_WILDCARDS);
    }

    @Override
    public void publish(PublishRequest request) {
        if (request.topic().isEmpty()) {
            throw new IllegalArgumentException("topic name is empty");
        }
        boolean retain = metadata.retain();
        String value = request.metadata().get("retain");
        if (value != null && !value.isBlank()) {
            retain = switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "t" -> true;
                case "false", "0", "f" -> false;
                default -> throw new IllegalArgumentException("mqtt invalid retain " + value);
            };
        }
        connection.publish(request.topic(), request.data(), metadata.qos(), retain);
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        String filter = request.topic();
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("topic name is empty");
        }
        boolean unsubscribeOnClose = metadata.cleanSession()
                || Boolean.parseBoolean(request.metadata().getOrDefault(UNSUBSCRIBE_ON_CLOSE, "false"));
        Mqtt3Subscription subscription;
        synchronized (routing) {
            if (subscriptions.containsKey(filter)) {
                throw new IllegalStateException("mqtt: topic " + filter + " is already subscribed by this component");
            }
            Mqtt3Subscription[] self = new Mqtt3Subscription[1];
            self[0] = new Mqtt3Subscription(filter, connection, metadata.backOff(), handler, unsubscribeOnClose,
                    () -> subscriptions.remove(filter, self[0]));
            subscription = self[0];
            subscriptions.put(filter, subscription);
            for (Iterator<Unrouted> it = unrouted.iterator(); it.hasNext(); ) {
                Unrouted waiting = it.next();
                if (subscription.matches(waiting.topic())) {
                    subscription.offer(waiting.topic(), waiting.message(), waiting.generation());
                    it.remove();
                }
            }
        }
        try {
            connection.subscribe(filter, metadata.qos());
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
        log.info("MQTT is subscribed to topic {} (qos: {})", filter, metadata.qos());
        return subscription;
    }

    /**
     * Hands a message to the subscription whose filter matches its topic. One that none matches stays unacknowledged
     * (as in Dapr) and waits here for a subscription to its topic, in case this connection's session backlog arrived
     * before the subscriptions were made again.
     */
    private void route(String topic, MqttMessage message, int generation) {
        synchronized (routing) {
            Mqtt3Subscription exact = subscriptions.get(topic);
            Optional<Mqtt3Subscription> target = exact != null ? Optional.of(exact)
                    : subscriptions.values().stream().filter(s -> s.matches(topic)).findFirst();
            if (target.isPresent()) {
                target.get().offer(topic, message, generation);
                return;
            }
            unrouted.removeIf(waiting -> waiting.generation() != generation); // the broker sends those again
            unrouted.add(new Unrouted(topic, message, generation));
        }
        log.debug("no subscription for a message on topic {} yet; it waits unacknowledged", topic);
    }

    private record Unrouted(String topic, MqttMessage message, int generation) {}

    @Override
    public void close() {
        subscriptions.values().forEach(Mqtt3Subscription::close);
        if (connection != null) {
            connection.close();
        }
    }
}
