package io.daprj.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The app of a {@code daprj run}: a child process sharing daprj's terminal, stopped with its own children. */
final class AppProcess {

    private final Process process;

    private AppProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} with daprj's environment plus {@code env}; IO is the terminal's. */
    static AppProcess start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        try {
            return new AppProcess(builder.start());
        } catch (IOException e) {
            throw new IOException("cannot start the app '" + command.getFirst() + "': " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Completes with the app's exit code. */
    CompletableFuture<Integer> exitCode() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /**
     * Asks the app and everything it started to terminate (SIGTERM), waits up to {@code grace}, then kills what is
     * left. Descendants are included because a shell wrapper does not pass SIGTERM on to the real app.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        process.onExit().join();
    }
}
