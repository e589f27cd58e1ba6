package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test Kafka broker (127.0.0.1:9092) a {@code pubsub.kafka} or {@code bindings.kafka} component YAML names. As a
 * JUnit extension it runs {@code scripts/kafka-broker start} (path in the {@code daprj.kafkaBrokerScript} system
 * property, set by the pom), which returns at once when the broker answers and starts it otherwise.
 */
public final class KafkaBroker implements BeforeAllCallback {

    /** The {@code brokers} a Dapr component YAML uses. */
    public static final String BROKERS = "127.0.0.1:9092";

    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        synchronized (KafkaBroker.class) {
            if (!started) {
                runStartScript();
                started = true;
            }
        }
    }

    private static void runStartScript() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("daprj.kafkaBrokerScript", "../../scripts/kafka-broker"));
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("daprj.kafkaBrokerScript: " + script.toAbsolutePath()
                    + " is not executable (expected: scripts/kafka-broker of this repository)");
        }
        Process process = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " start failed:\n" + output);
        }
    }
}
