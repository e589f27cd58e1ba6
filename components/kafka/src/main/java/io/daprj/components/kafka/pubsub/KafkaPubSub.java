package io.daprj.components.kafka.pubsub;

import io.daprj.components.kafka.KafkaClients;
import io.daprj.components.kafka.KafkaMetadata;
import io.daprj.components.kafka.KafkaRecords;
import io.daprj.components.kafka.KafkaTopicReader;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.pubsub.BulkPublishEntry;
import io.daprj.spi.pubsub.BulkPublishFailure;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.MessageHandler;
import io.daprj.spi.pubsub.PubSub;
import io.daprj.spi.pubsub.PubSubFeature;
import io.daprj.spi.pubsub.PublishRequest;
import io.daprj.spi.pubsub.SubscribeRequest;
import io.daprj.spi.pubsub.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code pubsub.kafka}: a topic is a Kafka topic; a subscription is a member of the consumer group
 * {@code consumerGroup} (default: the app id), so the sidecars of one app share a topic's partitions and different
 * apps each get every message. A message is committed only after the handler returned; one it refused is delivered
 * again, before any later message of its partition, after {@code consumeRetryInterval} — Kafka's per-partition order
 * holds. The group's committed offsets live in Kafka, so a restarted sidecar resumes where its group left off.
 *
 * <p>Thread safe: one producer serves every publish; each subscription has a consumer of its own.
 */
public final class KafkaPubSub implements PubSub {

    private KafkaClients clients;
    private String group;

    @Override
    public void init(ComponentMetadata componentMetadata) {
        KafkaMetadata metadata = KafkaMetadata.of(componentMetadata);
        group = metadata.group(componentMetadata.appId());
        clients = KafkaClients.connect(metadata);
    }

    /** Bulk publish is native: the entries go to the producer together and travel in batches, as in Dapr. */
    @Override
    public Set<PubSubFeature> features() {
        return Set.of(PubSubFeature.BULK_PUBLISH);
    }

    @Override
    public void publish(PublishRequest request) {
        clients.send(request.topic(), request.data(), request.metadata());
    }

    @Override
    public List<BulkPublishFailure> bulkPublish(String topic, List<BulkPublishEntry> entries) {
        List<BulkPublishFailure> failures = new ArrayList<>();
        List<BulkPublishEntry> valid = new ArrayList<>(entries.size());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(entries.size());
        for (BulkPublishEntry entry : entries) {
            try {
                records.add(KafkaRecords.toRecord(topic, entry.data(), entry.metadata()));
                valid.add(entry);
            } catch (IllegalArgumentException e) {
                failures.add(new BulkPublishFailure(entry.entryId(), e.getMessage()));
            }
        }
        clients.sendAll(records).forEach((i, e) ->
                failures.add(new BulkPublishFailure(valid.get(i).entryId(), String.valueOf(e.getMessage()))));
        return failures;
    }

    @Override
    public Subscription subscribe(SubscribeRequest request, MessageHandler handler) {
        String topic = request.topic();
        KafkaTopicReader reader = clients.read(group, List.of(topic), record -> handler.handle(
                new Message(record.topic(), KafkaRecords.dataOf(record), Optional.empty(), KafkaRecords.metadataOf(record))));
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
