package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SDK's state calls against a {@code state.in-memory} component loaded from a YAML file in --resources-path. */
class SdkStateOnInMemoryComponentTest extends AbstractSdkStateTest {

    private static final String COMPONENT = """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: memstore
            spec:
              type: state.in-memory
              version: v1
              metadata: []
            """;

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        Path resources = Files.createDirectories(workDir.resolve("resources"));
        Files.writeString(resources.resolve("memstore.yaml"), COMPONENT);
        return DaprdProcess.builder("sdk-state-memory")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "memstore";
    }
}
