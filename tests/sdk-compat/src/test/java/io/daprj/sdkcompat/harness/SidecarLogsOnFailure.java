package io.daprj.sdkcompat.harness;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the tail of every running sidecar's output when a test fails, so a runtime error is seen next to it. */
public final class SidecarLogsOnFailure implements TestWatcher {

    private static final int TAIL_LINES = 200;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (DaprdProcess daprd : DaprdProcess.running()) {
            List<String> lines = daprd.log().lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            System.err.println("==== " + daprd + " output, last " + tail.size() + " lines (" + daprd.logFile()
                    + "), after " + context.getDisplayName() + " failed ====");
            tail.forEach(System.err::println);
        }
    }
}
