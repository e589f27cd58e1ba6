package io.daprj.runtime;

import java.nio.file.Path;

/** The folder daprj keeps its files in: {@code $DAPRJ_HOME}, else {@code ~/.daprj}. */
public final class DaprjHome {

    private DaprjHome() {}

    public static Path dir() {
        String env = System.getenv("DAPRJ_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".daprj");
    }
}
