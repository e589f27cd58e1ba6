package io.daprj.components.kafka.bindings;

import io.daprj.components.kafka.KafkaClients;
import io.daprj.components.kafka.KafkaMetadata;
import io.daprj.components.kafka.KafkaRecords;
import io.daprj.components.kafka.KafkaTopicReader;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.InputBinding;
import io.daprj.spi.bindings.OutputBinding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bindings.kafka}: output {@code create} publishes the data to {@code publishTopic} (request metadata
 * {@code partitionKey} or {@code __key} is the record key, {@code partitionNumber} the partition; every entry also
 * travels as a header); input reads {@code topics} as a member of {@code consumerGroup} and hands each record to the
 * app with its headers, key, partition, offset and timestamp as metadata. A record is committed only after the app
 * took it; one it refused comes again after {@code consumeRetryInterval}, before any later record of its partition.
 */
public final class KafkaBinding implements InputBinding, OutputBinding {

    private static final System.Logger LOG = System.getLogger(KafkaBinding.class.getName());

    /**
     * The binding's own metadata, beside {@link KafkaMetadata}.
     *
     * @param topics the comma-separated topics the input side reads; no input without it
     * @param publishTopic the topic {@code create} publishes to; no output without it
     */
    record Topics(Optional<String> topics, Optional<String> publishTopic) {}

    private String name = "";
    private List<String> topics = List.of();
    private Optional<String> publishTopic = Optional.empty();
    private String group;
    private KafkaClients clients;

    @Override
    public void init(ComponentMetadata metadata) {
        name = metadata.name();
        KafkaMetadata kafka = KafkaMetadata.of(metadata);
        Topics own = metadata.bind(Topics.class);
        topics = own.topics().map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        publishTopic = own.publishTopic();
        group = kafka.group(metadata.appId());
        clients = KafkaClients.connect(kafka);
    }

    @Override
    public List<String> operations() {
        return List.of("create");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata) {
        String topic = publishTopic.orElseThrow(() -> new BindingInvokeException(
                "kafka binding " + name + ": no publishTopic in its metadata, so it cannot publish", Map.of()));
        try {
            clients.send(topic, data, metadata);
        } catch (IllegalArgumentException e) {
            throw new BindingInvokeException(e.getMessage(), Map.of());
        }
        return Optional.empty();
    }

    @Override
    public Reading read(BindingEventHandler handler) {
        if (topics.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "kafka binding {0}: no topics in its metadata, so nothing is read", name);
            return () -> { };
        }
        KafkaTopicReader reader = clients.read(group, topics,
                record -> handler.handle(new BindingEvent(KafkaRecords.dataOf(record), KafkaRecords.metadataOf(record))));
        return reader::close;
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
