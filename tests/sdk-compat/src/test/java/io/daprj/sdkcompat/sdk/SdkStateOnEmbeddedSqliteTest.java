package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import java.io.IOException;
import java.nio.file.Path;

/** The SDK's state calls against the embedded default {@code statestore} (SQLite under DAPRJ_HOME, no resources path). */
class SdkStateOnEmbeddedSqliteTest extends AbstractSdkStateTest {

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        return DaprdProcess.builder("sdk-state-sqlite").daprjHome(workDir.resolve("home")).start();
    }

    @Override
    String storeName() {
        return "statestore";
    }
}
