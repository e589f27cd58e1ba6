package io.daprj.components.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test broker on 127.0.0.1:9092. As a JUnit extension it starts the broker with {@code scripts/kafka-broker start}
 * when nothing answers on the port (CI has started it already; a lone {@code mvn verify} has not). Its helpers give
 * component metadata for it and make topics with unique names, so parallel builds do not collide.
 */
public final class KafkaTestBroker implements BeforeAllCallback {

    public static final String BROKERS = "127.0.0.1:9092";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureRunning();
    }

    /** Starts the broker unless it answers already; fails with the script's output when it does not start. */
    public static synchronized void ensureRunning() throws IOException, InterruptedException {
        if (answers()) {
            return;
        }
        Path script = findScript();
        Process start = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes());
        if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0 || !answers()) {
            throw new IllegalStateException("could not start the test Kafka broker with " + script + ":\n" + output);
        }
    }

    /** Component metadata for the test broker: {@code extra} on top of {@code brokers} and {@code authType: none}. */
    public static Map<String, String> metadata(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("brokers", BROKERS, "authType", "none"));
        properties.putAll(extra);
        return properties;
    }

    /** A name no other test run uses, for a topic or a consumer group. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates {@code topic} with {@code partitions} partitions. */
    public static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 9092), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/kafka-broker");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("scripts/kafka-broker not found above " + Path.of("").toAbsolutePath());
    }
}
