package io.daprj.runtime.resources;

import io.daprj.runtime.DaprjHome;
import java.util.List;
import java.util.Map;

/**
 * What loads when no {@code --resources-path} is given: a {@code statestore} on a SQLite file under the daprj home,
 * flagged as the actor state store, and a {@code pubsub} on another SQLite file there ({@code pubsub.sqlite}, which
 * the sidecars of one machine share, consumer group = app id), so a newcomer has state and pub/sub with nothing
 * installed. A {@code lockstore} ({@code lock.sqlite}, {@code lock.db}) gives them shared locks too.
 */
public final class EmbeddedDefaults {

    private EmbeddedDefaults() {}

    public static List<ComponentSpec> components() {
        String file = DaprjHome.dir().resolve("state.db").toString();
        String pubsubFile = DaprjHome.dir().resolve("pubsub.db").toString();
        return List.of(new ComponentSpec(
                "statestore",
                "",
                "state.sqlite",
                "v1",
                Map.of("connectionString", file, "actorStateStore", "true"),
                List.of(),
                false,
                "<embedded defaults>",
                Map.of(),
                ""), new ComponentSpec(
                "pubsub",
                "",
                "pubsub.sqlite",
                "v1",
                Map.of("connectionString", pubsubFile),
                List.of(),
                false,
                "<embedded defaults>",
                Map.of(),
                ""), new ComponentSpec(
                "lockstore",
                "",
                "lock.sqlite",
                "v1",
                Map.of("connectionString", DaprjHome.dir().resolve("lock.db").toString()),
                List.of(),
                false,
                "<embedded defaults>",
                Map.of(),
                ""));
    }
}
