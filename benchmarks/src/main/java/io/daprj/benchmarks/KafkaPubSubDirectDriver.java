package io.daprj.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka through kafka-clients: topics of one partition created with the admin client; a producer with
 * {@code acks=all} and {@code linger.ms=0} (publish-to-delivery latency, not batching, is measured); one consumer per
 * topic in a group of its own, polling on a thread, committing automatically, reading from the earliest offset. The
 * run's topics are deleted on close.
 */
final class KafkaPubSubDirectDriver implements PubSubDirectDriver {

    private static final String GROUP = "bench-direct";

    private final String brokers;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<String> topics = new ArrayList<>();
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean closed;

    KafkaPubSubDirectDriver(String brokers) {
        this.brokers = brokers;
        this.admin = Admin.create(Map.of("bootstrap.servers", brokers));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void prepareTopic(String topic) throws Exception {
        if (!topics.contains(topic)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            topics.add(topic);
        }
    }

    @Override
    public void subscribe(String topic, Consumer<byte[]> onMessage) throws Exception {
        prepareTopic(topic);
        CountDownLatch assigned = new CountDownLatch(1);
        pollers.add(Thread.ofPlatform().daemon().name("kafka-direct-poll-" + topic)
                .start(() -> poll(topic, onMessage, assigned)));
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Kafka consumer of " + topic + " got no partition within 30 s");
        }
    }

    private void poll(String topic, Consumer<byte[]> onMessage, CountDownLatch assigned) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }

                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {}
            });
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    onMessage.accept(record.value());
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                System.err.println("benchmarks: Kafka direct poll of " + topic + " failed: " + e);
            }
        }
    }

    @Override
    public CompletableFuture<?> publish(String topic, byte[] payload) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, payload), (metadata, failure) -> {
            if (failure == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(failure);
            }
        });
        return acked;
    }

    @Override
    public void close() {
        closed = true;
        for (Thread poller : pollers) {
            try {
                poller.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
        try (admin) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("benchmarks: deleting the Kafka topics failed: " + e);
        }
    }
}
