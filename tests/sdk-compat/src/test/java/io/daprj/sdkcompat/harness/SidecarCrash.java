package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Crashes a running {@link DaprdProcess} the hard way: SIGKILL ({@link ProcessHandle#destroyForcibly()}) of its JVM
 * and of anything it forked, so nothing of the sidecar gets to run a shutdown hook, flush or acknowledge. The JVM is
 * found among this test JVM's descendants by the {@code --dapr-http-port} on its command line (Linux
 * {@code /proc}), since {@code bin/daprd} execs into it.
 */
public final class SidecarCrash {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    private SidecarCrash() {}

    /** Sends SIGKILL to {@code daprd} and returns once the process is gone; its pid is returned. */
    public static long kill(DaprdProcess daprd) throws InterruptedException {
        ProcessHandle jvm = find(daprd).orElseThrow(() -> new IllegalStateException(
                daprd + ": no descendant of this JVM runs with --dapr-http-port " + daprd.httpPort()));
        List<ProcessHandle> children = jvm.descendants().toList();
        jvm.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            jvm.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(daprd + " (pid " + jvm.pid() + ") still ran " + EXIT_TIMEOUT.toSeconds()
                    + " s after SIGKILL", e);
        }
        return jvm.pid();
    }

    private static Optional<ProcessHandle> find(DaprdProcess daprd) {
        String port = Integer.toString(daprd.httpPort());
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && hasFlag(p, "--dapr-http-port", port))
                .findFirst();
    }

    private static boolean hasFlag(ProcessHandle process, String flag, String value) {
        List<String> args = commandLine(process.pid());
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(value);
    }

    /** The process's argv from {@code /proc}: {@code ProcessHandle.Info} leaves it out for a launcher that exec'd. */
    private static List<String> commandLine(long pid) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }
}
