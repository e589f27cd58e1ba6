package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code queryState} on a {@code state.in-memory} component. */
class SdkQueryOnInMemoryComponentTest extends AbstractSdkQueryTest {

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
        return DaprdProcess.builder("sdk-query-memory")
                .daprjHome(workDir.resolve("home"))
                .resourcesPath(resources)
                .start();
    }

    @Override
    String storeName() {
        return "memstore";
    }
}
