package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprdProcess;
import java.io.IOException;
import java.nio.file.Path;

/** {@code queryState} on the embedded default {@code statestore} (SQLite under DAPRJ_HOME). */
class SdkQueryOnEmbeddedSqliteTest extends AbstractSdkQueryTest {

    @Override
    DaprdProcess startSidecar(Path workDir) throws IOException {
        return DaprdProcess.builder("sdk-query-sqlite").daprjHome(workDir.resolve("home")).start();
    }

    @Override
    String storeName() {
        return "statestore";
    }
}
