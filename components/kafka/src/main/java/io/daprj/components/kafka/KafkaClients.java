package io.daprj.components.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one component: an admin client (first contact at init, creating topics a subscriber needs), a
 * producer shared by every publish, and a {@link KafkaTopicReader} per subscription, all closed with it. Thread safe;
 * calls block.
 */
public final class KafkaClients implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaClients.class.getName());
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaMetadata metadata;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<KafkaTopicReader> readers = new CopyOnWriteArrayList<>();

    private KafkaClients(KafkaMetadata metadata, Admin admin, KafkaProducer<byte[], byte[]> producer) {
        this.metadata = metadata;
        this.admin = admin;
        this.producer = producer;
    }

    /**
     * Connects to the brokers and waits, up to {@code dialTimeout}, until one answered.
     *
     * @throws IllegalStateException naming the brokers when none answered
     */
    public static KafkaClients connect(KafkaMetadata metadata) {
        Admin admin = Admin.create(adminConfig(metadata));
        try {
            admin.describeCluster().clusterId().get(metadata.dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new IllegalStateException("kafka: no broker of '" + metadata.brokers() + "' answered within "
                    + metadata.dialTimeout().toSeconds() + " s: " + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            admin.close(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kafka: interrupted while connecting to " + metadata.brokers(), e);
        }
        return new KafkaClients(metadata, admin, new KafkaProducer<>(producerConfig(metadata)));
    }

    public KafkaMetadata metadata() {
        return metadata;
    }

    /** Publishes one message and returns once the brokers acknowledged it as {@code producerRequiredAcks} asks. */
    public void send(String topic, byte[] data, Map<String, String> requestMetadata) {
        await(producer.send(KafkaRecords.toRecord(topic, data, requestMetadata)));
    }

    /**
     * Hands every record to the producer before waiting for any, so they travel in batches and keep their order
     * within a partition; returns the failure of each record that failed, by its index.
     */
    public Map<Integer, RuntimeException> sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        Map<Integer, RuntimeException> failures = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                sent.add(producer.send(records.get(i)));
            } catch (RuntimeException e) {
                sent.add(null);
                failures.put(i, e);
            }
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) != null) {
                try {
                    await(sent.get(i));
                } catch (RuntimeException e) {
                    failures.put(i, e);
                }
            }
        }
        return failures;
    }

    /**
     * Starts reading {@code topics} as a member of {@code group} (see {@link KafkaTopicReader#start}); the returned
     * reading stops when closed, or when these clients are.
     */
    public KafkaTopicReader read(String group, Collection<String> topics, KafkaTopicReader.RecordHandler handler) {
        KafkaTopicReader[] reader = new KafkaTopicReader[1];
        reader[0] = KafkaTopicReader.start(this, group, topics, handler, () -> readers.remove(reader[0]));
        readers.add(reader[0]);
        return reader[0];
    }

    /** Creates those of {@code topics} that do not exist, with the brokers' default partitions and replicas. */
    public void ensureTopics(Collection<String> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(metadata.dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(metadata.dialTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                // the broker may still create it on first use; the subscriber then starts once it exists
                LOG.log(System.Logger.Level.WARNING, "kafka: could not create topics " + topics + ": " + e.getCause());
            }
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "kafka: listing or creating topics " + topics + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new consumer of {@code group} that commits only when told to. */
    public KafkaConsumer<byte[], byte[]> newConsumer(String group) {
        Map<String, Object> config = common(metadata);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, metadata.initialOffset().kafkaName);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, metadata.channelBufferSize());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, metadata.consumerFetchMin());
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, metadata.consumerFetchDefault());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) metadata.heartbeatInterval().toMillis());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) metadata.sessionTimeout().toMillis());
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, metadata.consumerGroupRebalanceStrategy().assignor);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        readers.forEach(KafkaTopicReader::close);
        readers.clear();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static void await(Future<RecordMetadata> future) {
        try {
            future.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("kafka: publishing failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("kafka: publishing timed out after " + SEND_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kafka: interrupted while publishing", e);
        }
    }

    private static Map<String, Object> producerConfig(KafkaMetadata metadata) {
        Map<String, Object> config = common(metadata);
        boolean idempotent = metadata.producerRequiredAcks() == KafkaMetadata.RequiredAcks.ALL
                && metadata.producerRetryMax() > 0;
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, metadata.producerRequiredAcks().acks);
        config.put(ProducerConfig.RETRIES_CONFIG, metadata.producerRetryMax());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        // one request at a time without idempotence, so a retried batch cannot overtake the next one
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, idempotent ? 5 : 1);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, KafkaMetadata.lower(metadata.compression()));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, metadata.dialTimeout().toMillis());
        metadata.maxMessageBytes().ifPresent(n -> config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, n));
        return config;
    }

    private static Map<String, Object> adminConfig(KafkaMetadata metadata) {
        Map<String, Object> config = common(metadata);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) metadata.dialTimeout().toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) metadata.dialTimeout().toMillis());
        return config;
    }

    private static Map<String, Object> common(KafkaMetadata metadata) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, metadata.bootstrapServers());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, metadata.clientID());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, metadata.dialTimeout().toMillis());
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, metadata.dialTimeout().toMillis());
        return config;
    }
}
