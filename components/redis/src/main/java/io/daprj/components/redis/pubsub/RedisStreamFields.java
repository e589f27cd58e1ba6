package io.daprj.components.redis.pubsub;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.pubsub.Message;
import io.daprj.spi.pubsub.PublishRequest;
import io.lettuce.core.StreamMessage;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stream entry as daprd writes and reads it: the payload in the field {@code data}, the publish metadata as a JSON
 * object of strings in the field {@code metadata}. No content type is kept, as in Dapr.
 */
final class RedisStreamFields {

    static final String DATA = "data";
    static final String METADATA = "metadata";

    private static final System.Logger LOG = System.getLogger(RedisStreamFields.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private RedisStreamFields() {}

    /** The fields of the entry XADD writes for {@code request}. */
    static Map<String, byte[]> of(PublishRequest request) {
        Map<String, byte[]> body = new LinkedHashMap<>();
        body.put(DATA, request.data());
        if (!request.metadata().isEmpty()) {
            try {
                body.put(METADATA, JSON.writeValueAsBytes(request.metadata()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("publish metadata cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        return body;
    }

    /** The message in an entry read from {@code topic}'s stream; unreadable metadata is dropped, as Dapr does. */
    static Message message(String topic, StreamMessage<String, byte[]> entry) {
        Map<String, byte[]> body = entry.getBody();
        byte[] data = body.getOrDefault(DATA, new byte[0]);
        Map<String, String> metadata = Map.of();
        byte[] raw = body.get(METADATA);
        if (raw != null) {
            try {
                Map<String, String> read = new LinkedHashMap<>(JSON.readValue(raw, STRING_MAP));
                read.values().removeIf(java.util.Objects::isNull);
                metadata = read;
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "could not read the metadata of Redis message {0}: {1}", entry.getId(),
                        new String(raw, UTF_8));
            }
        }
        return new Message(topic, data, Optional.empty(), metadata);
    }

    /** True for what XCLAIM returns, on Redis before 7, for an entry deleted from the stream meanwhile. */
    static boolean deleted(StreamMessage<String, byte[]> entry) {
        return entry.getBody() == null || entry.getBody().isEmpty();
    }
}
