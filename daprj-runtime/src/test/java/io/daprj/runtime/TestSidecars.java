package io.daprj.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts in-process sidecars on free ports, with resources written by the test. */
public final class TestSidecars {

    private TestSidecars() {}

    /** A resources folder holding one in-memory state store named {@code statestore}. */
    public static Path inMemoryResources(Path dir) {
        return write(dir.resolve("resources"), "statestore.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.in-memory
                  version: v1
                  metadata:
                  - name: actorStateStore
                    value: "true"
                """);
    }

    /** A Configuration whose sqlite name resolver uses a file in {@code dir}, shared by sidecars of one test. */
    public static Path nameResolutionConfig(Path dir) {
        return write(dir.resolve("config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: daprconfig
                spec:
                  nameResolution:
                    component: sqlite
                    configuration:
                      connectionString: "%s"
                """.formatted(dir.resolve("names.db"))).resolve("config.yaml");
    }

    public static Path write(Path folder, String file, String content) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(file), content);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options for a sidecar on free ports. */
    public static DaprdOptions options(String appId, Path resources, Path config, String... extra) {
        DaprdOptions o = new DaprdOptions();
        o.appId = appId;
        o.daprHttpPort = 0;
        o.daprGrpcPort = 0;
        o.metricsPort = 0;
        o.daprListenAddresses = "127.0.0.1";
        o.resourcesPaths = resources == null ? new ArrayList<>() : new ArrayList<>(List.of(resources));
        o.config = config == null ? new ArrayList<>() : new ArrayList<>(List.of(config));
        new picocli.CommandLine(o).parseArgs(extra);
        return o;
    }
}
