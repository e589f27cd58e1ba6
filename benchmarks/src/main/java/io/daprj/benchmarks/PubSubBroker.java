package io.daprj.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One broker the pub/sub benchmark runs: its component YAML (a resource {@code pubsub/<name>.yaml} next to this class,
 * component name {@value #PUBSUB_NAME}; {@code ${WORK}} stands for the work folder), the server it needs, and how to
 * open its direct path. Adding a broker is one entry in {@link #all()}, one YAML and one {@link PubSubDirectDriver}.
 *
 * @param server the broker's address, probed before the run; empty for an embedded broker
 * @param direct opens the direct path; empty when the broker has no client of its own (it is then measured through
 *     the sidecars only)
 */
record PubSubBroker(String name, String componentType, Optional<InetSocketAddress> server,
        Optional<DirectOpener> direct) {

    static final String PUBSUB_NAME = "benchpubsub";

    /** Opens a {@link PubSubDirectDriver}. */
    @FunctionalInterface
    interface DirectOpener {
        PubSubDirectDriver open() throws Exception;
    }

    static List<PubSubBroker> all() {
        return List.of(
                new PubSubBroker("sqlite", "pubsub.sqlite", Optional.empty(), Optional.empty()),
                new PubSubBroker("redis", "pubsub.redis", local(6379),
                        Optional.of(() -> new RedisPubSubDirectDriver("127.0.0.1", 6379))),
                new PubSubBroker("rabbitmq", "pubsub.rabbitmq", local(5672),
                        Optional.of(() -> new RabbitMqPubSubDirectDriver("amqp://guest:guest@127.0.0.1:5672"))),
                new PubSubBroker("jetstream", "pubsub.jetstream", local(4222),
                        Optional.of(() -> new JetStreamPubSubDirectDriver("nats://127.0.0.1:4222"))),
                new PubSubBroker("kafka", "pubsub.kafka", local(9092),
                        Optional.of(() -> new KafkaPubSubDirectDriver("127.0.0.1:9092"))));
    }

    /** The component YAML with {@code ${WORK}} replaced. */
    String componentYaml(Path work) throws IOException {
        try (InputStream in = PubSubBroker.class.getResourceAsStream("pubsub/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("no resource pubsub/" + name + ".yaml next to " + PubSubBroker.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${WORK}", work.toString());
        }
    }

    /** Empty when the server accepts a connection (or there is none to need), else why not. */
    Optional<String> serverDown() {
        if (server.isEmpty()) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(server.get(), 2_000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("nothing accepts connections on " + server.get().getHostString() + ":"
                    + server.get().getPort() + " (" + e.getMessage() + ")");
        }
    }

    private static Optional<InetSocketAddress> local(int port) {
        return Optional.of(new InetSocketAddress("127.0.0.1", port));
    }
}
