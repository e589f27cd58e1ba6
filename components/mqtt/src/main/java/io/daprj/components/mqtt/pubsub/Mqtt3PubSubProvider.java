package io.daprj.components.mqtt.pubsub;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.pubsub.PubSub;
import java.util.List;

/** {@code pubsub.mqtt3} (alias {@code pubsub.mqtt}, as Dapr registers it): {@link Mqtt3PubSub}. */
public final class Mqtt3PubSubProvider implements ComponentProvider<PubSub> {

    @Override
    public String type() {
        return "pubsub.mqtt3";
    }

    @Override
    public List<String> aliases() {
        return List.of("pubsub.mqtt");
    }

    @Override
    public Class<PubSub> kind() {
        return PubSub.class;
    }

    @Override
    public PubSub create() {
        return new Mqtt3PubSub();
    }
}
