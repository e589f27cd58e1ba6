package io.daprj.runtime.resources;

import io.daprj.runtime.DaprjHome;
import java.util.List;
import java.util.Map;

/**
 * What loads when no {@code --resources-path} is given: a {@code statestore} on a SQLite file under the daprj home,
 * flagged as the actor state store, so a newcomer has state with nothing installed.
 */
public final class EmbeddedDefaults {

    private EmbeddedDefaults() {}

    public static List<ComponentSpec> components() {
        String file = DaprjHome.dir().resolve("state.db").toString();
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
                ""));
    }
}
