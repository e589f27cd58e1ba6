package io.daprj.components.nats.pubsub;

import io.daprj.spi.ComponentMetadata;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The NATS server of this machine (127.0.0.1:4222, JetStream on) as the tests see it: creates the streams a test needs
 * (Dapr expects them to exist, as the operator's {@code nats stream add} would make them) and deletes them, with their
 * consumers, on close.
 */
final class JetStreamTestServer implements AutoCloseable {

    static final String URL = "nats://127.0.0.1:4222";

    private final Connection connection;
    private final JetStreamManagement management;
    private final List<String> streams = new CopyOnWriteArrayList<>();

    JetStreamTestServer() {
        try {
            connection = Nats.connect(URL);
            management = connection.jetStreamManagement();
        } catch (IOException e) {
            throw new UncheckedIOException("NATS at " + URL + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a file stream holding exactly {@code subject}; returns its name. */
    String createStream(String subject) {
        String name = "daprj-test-" + subject.replaceAll("[^A-Za-z0-9_-]", "_");
        try {
            management.addStream(StreamConfiguration.builder().name(name).subjects(subject)
                    .storageType(StorageType.File).build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("creating stream " + name + " failed: " + e.getMessage(), e);
        }
        streams.add(name);
        return name;
    }

    /** How many messages {@code stream} holds now. */
    long messageCount(String stream) throws IOException, JetStreamApiException {
        return management.getStreamInfo(stream).getStreamState().getMsgCount();
    }

    /** An initialised broker on this server; {@code extra} adds to or overrides {@code natsURL}. */
    JetStreamPubSub pubsub(Map<String, String> extra) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("natsURL", URL, "name", "daprj-test"));
        properties.putAll(extra);
        JetStreamPubSub pubsub = new JetStreamPubSub();
        pubsub.init(ComponentMetadata.of("pubsub", "pubsub.jetstream", properties));
        return pubsub;
    }

    @Override
    public void close() {
        for (String stream : streams) {
            try {
                management.deleteStream(stream);
            } catch (IOException | JetStreamApiException e) {
                // already gone
            }
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
