package io.daprj.components.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads topics as one member of a consumer group and hands each record to a handler, committing a record's offset
 * only after the handler returned. Order holds per partition: the records of one partition go to the handler one
 * after the other (partitions in parallel, each on a virtual thread); when the handler throws, that partition is
 * rewound to the failed record and paused for {@code consumeRetryInterval}, so the same record comes again before any
 * later one. The consumer belongs to one thread, which polls, waits for the batch's handlers, commits and polls again;
 * a rebalance therefore never finds a record half-handled.
 */
public final class KafkaTopicReader implements AutoCloseable {

    /** Handles one record; throwing means "not taken, deliver it again". */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<byte[], byte[]> record) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(KafkaTopicReader.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final Duration FIRST_ASSIGNMENT_WAIT = Duration.ofSeconds(15);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final RecordHandler handler;
    private final KafkaMetadata metadata;
    private final Runnable onClose;
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread loop;
    private volatile boolean closed;

    private KafkaTopicReader(KafkaClients clients, String group, Collection<String> topics, RecordHandler handler,
            Runnable onClose) {
        this.consumer = clients.newConsumer(group);
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.metadata = clients.metadata();
        this.onClose = onClose;
        this.loop = Thread.ofVirtual().name("daprj-kafka-" + group + "-" + String.join(",", topics)).unstarted(this::run);
    }

    /**
     * Joins {@code group} on {@code topics} (creating missing topics) and returns once the group assigned this member
     * its partitions, so that with {@code initialOffset: newest} every message published afterwards is delivered; gives
     * up waiting after 15 s and goes on joining in the background.
     */
    static KafkaTopicReader start(KafkaClients clients, String group, Collection<String> topics,
            RecordHandler handler, Runnable onClose) {
        clients.ensureTopics(topics);
        KafkaTopicReader reader = new KafkaTopicReader(clients, group, topics, handler, onClose);
        reader.loop.start();
        try {
            if (!reader.assigned.await(FIRST_ASSIGNMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "kafka: group {0} has not assigned partitions of {1} yet; joining in the"
                        + " background", group, topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reader;
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (!closed) {
                try {
                    resumeDue();
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    if (!records.isEmpty()) {
                        handleAndCommit(records);
                    }
                } catch (WakeupException e) {
                    // close() woke the poll up
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.log(Level.WARNING, "kafka: reading " + topics + " failed: " + e);
                        sleep(ERROR_PAUSE);
                    }
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handleAndCommit(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new ConcurrentHashMap<>();
        Map<TopicPartition, Long> failed = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
            workers.add(Thread.ofVirtual().name("daprj-kafka-handler-" + partition)
                    .start(() -> handleInOrder(partition, batch, done, failed)));
        }
        for (Thread worker : workers) {
            joinUninterruptibly(worker);
        }
        if (!done.isEmpty()) {
            try {
                commit(done);
            } catch (RuntimeException e) {
                // the group moved on (rebalance): those records come again, to whichever member owns them now
                LOG.log(Level.WARNING, "kafka: committing offsets of " + topics + " failed; the messages will be"
                        + " delivered again: " + e);
            }
        }
        long resumeAt = System.nanoTime() + metadata.retryInterval().toNanos();
        failed.keySet().retainAll(consumer.assignment()); // a partition given away meanwhile is its new owner's
        failed.forEach((partition, offset) -> {
            consumer.seek(partition, offset);
            consumer.pause(List.of(partition));
            pausedUntil.put(partition, resumeAt);
        });
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        try {
            consumer.commitSync(done);
        } catch (WakeupException e) {
            consumer.commitSync(done); // close() meant the poll; the handled records still get committed
        }
    }

    private void handleInOrder(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> batch,
            Map<TopicPartition, OffsetAndMetadata> done, Map<TopicPartition, Long> failed) {
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            if (closed) {
                return; // not committed: the group's next member gets it
            }
            try {
                handler.handle(record);
            } catch (Exception e) {
                if (metadata.consumeRetryEnabled()) {
                    LOG.log(Level.DEBUG, "kafka: message {0}/{1} was not taken and comes again: {2}",
                            partition, record.offset(), e.toString());
                    failed.put(partition, record.offset());
                    return;
                }
                LOG.log(Level.WARNING, "kafka: message " + partition + "/" + record.offset()
                        + " was not taken and is skipped (consumeRetryEnabled: false): " + e);
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
    }

    private void resumeDue() {
        if (pausedUntil.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = pausedUntil.entrySet().stream()
                .filter(e -> e.getValue() - now <= 0).map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            consumer.resume(due);
        }
    }

    /** Stops reading once the handlers running now returned; what they did not finish stays uncommitted. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
        consumer.wakeup();
        if (Thread.currentThread() != loop) {
            joinUninterruptibly(loop);
        }
    }

    /** Runs on the consumer's thread, inside poll. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // resolve where each partition starts now, so "newest" means "after this subscription started"
            partitions.forEach(consumer::position);
            assigned.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(pausedUntil::remove);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
