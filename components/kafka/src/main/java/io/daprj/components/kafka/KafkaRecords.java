package io.daprj.components.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Dapr's mapping between request metadata and Kafka records. Publishing: {@code partitionKey} (or {@code __key})
 * becomes the record key, {@code partitionNumber} picks the partition, and every metadata entry but the partition
 * number also travels as a header. Consuming: the headers come back as metadata, plus {@code __key},
 * {@code __topic}, {@code __partition}, {@code __offset} and {@code __timestamp} (milliseconds).
 */
public final class KafkaRecords {

    public static final String PARTITION_KEY = "partitionKey";
    public static final String KEY = "__key";
    public static final String PARTITION_NUMBER = "partitionNumber";

    private KafkaRecords() {}

    /**
     * The record publishing {@code data} to {@code topic} with {@code metadata}.
     *
     * @throws IllegalArgumentException when {@code partitionNumber} is not a partition number
     */
    public static ProducerRecord<byte[], byte[]> toRecord(String topic, byte[] data, Map<String, String> metadata) {
        byte[] key = null;
        Integer partition = null;
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            switch (e.getKey()) {
                case PARTITION_KEY, KEY -> key = e.getValue().getBytes(UTF_8);
                case PARTITION_NUMBER -> partition = partitionNumber(e.getValue());
                default -> { }
            }
            if (!e.getKey().equals(PARTITION_NUMBER)) {
                headers.add(new RecordHeader(e.getKey(), e.getValue().getBytes(UTF_8)));
            }
        }
        return new ProducerRecord<>(topic, partition, key, data, headers);
    }

    /** The metadata a subscriber or input binding sees for {@code record}. */
    public static Map<String, String> metadataOf(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (record.key() != null) {
            metadata.put(KEY, new String(record.key(), UTF_8));
        }
        metadata.put("__offset", Long.toString(record.offset()));
        metadata.put("__topic", record.topic());
        metadata.put("__timestamp", Long.toString(record.timestamp()));
        metadata.put("__partition", Integer.toString(record.partition()));
        for (Header header : record.headers()) {
            metadata.put(header.key(), header.value() == null ? "" : new String(header.value(), UTF_8));
        }
        return metadata;
    }

    /** The payload of {@code record}; an empty array for a tombstone. */
    public static byte[] dataOf(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? new byte[0] : record.value();
    }

    private static int partitionNumber(String raw) {
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "metadata '" + PARTITION_NUMBER + "': '" + raw + "' (expected: a partition number, 0 or more)");
    }
}
