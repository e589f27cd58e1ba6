package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged daprj the tests drive: the {@code daprj.home} system property, set by the module's pom. */
public final class DaprDistribution {

    private DaprDistribution() {}

    public static Path home() {
        String home = System.getProperty("daprj.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("daprj.home: not set (expected: the unpacked distribution, daprj-dist/target/daprj)");
        }
        Path dir = Path.of(home).toAbsolutePath().normalize();
        if (!Files.isExecutable(dir.resolve("bin/daprd"))) {
            throw new IllegalStateException("daprj.home: " + dir + " has no executable bin/daprd (expected: a built "
                    + "distribution; run `mvn -pl tests/sdk-compat -am install -DskipTests` first)");
        }
        return dir;
    }

    public static Path daprd() {
        return home().resolve("bin/daprd");
    }

    /**
     * Whether the distribution ships the component module {@code daprj-components-<name>} (for example {@code redis}),
     * i.e. a jar of that name in {@code lib/}.
     */
    public static boolean hasComponentModule(String name) {
        String prefix = "daprj-components-" + name + "-";
        try (var jars = Files.list(home().resolve("lib"))) {
            return jars.anyMatch(jar -> jar.getFileName().toString().startsWith(prefix)
                    && jar.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + home().resolve("lib"), e);
        }
    }

    /** Where sidecar output files go; kept after the run so a failure can be read again. */
    static Path logDir() {
        String dir = System.getProperty("daprj.sidecarLogs", "target/sidecar-logs");
        return Path.of(dir).toAbsolutePath();
    }
}
