package io.daprj.components.core;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daprj.components.core.nameresolution.SqliteNameResolver;
import io.daprj.components.core.state.SqliteStateStore;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.state.SetRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second OS process sharing a SQLite file with the test's JVM, as a second sidecar would. Modes:
 * {@code state <db> <prefix> <count>} writes keys and exits; {@code register <db> <appId> <port>} registers a
 * name-resolution row, prints {@code ready} and lives until killed.
 */
public final class SharedFileChildProcess {

    public static void main(String[] args) throws Exception {
        Map<String, String> properties = Map.of("connectionString", args[1], "updateInterval", "1s");
        switch (args[0]) {
            case "state" -> {
                try (SqliteStateStore store = new SqliteStateStore()) {
                    store.init(ComponentMetadata.of("statestore", "state.sqlite", properties));
                    for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                        store.set(SetRequest.of(args[2] + i, ("\"" + i + "\"").getBytes(UTF_8)));
                    }
                }
            }
            case "register" -> {
                SqliteNameResolver resolver = new SqliteNameResolver();
                resolver.init(ComponentMetadata.of("nr", "nameresolution.sqlite", properties));
                resolver.register(new Instance(args[2], "", "127.0.0.1", Integer.parseInt(args[3])));
                System.out.println("ready");
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("mode: " + args[0]);
        }
    }

    /** Starts this class in a new JVM with the test's class path. */
    public static Process start(String mode, Path db, String name, int number) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SharedFileChildProcess.class.getName(), mode, db.toString(), name, Integer.toString(number)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it prints {@code ready}; fails with the output if it ends first. */
    public static void awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended before it was ready: " + seen);
    }

    /** Waits for a child that is meant to exit, failing with its output if it does not exit cleanly. */
    public static void awaitSuccess(Process process) throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("child failed: " + new String(process.getInputStream().readAllBytes(), UTF_8));
        }
    }
}
