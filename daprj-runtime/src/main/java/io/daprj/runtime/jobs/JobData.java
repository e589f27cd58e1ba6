package io.daprj.runtime.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * A job's {@code data}: HTTP callers give any JSON, kept as an {@code Any} holding a {@code google.protobuf.Value};
 * gRPC callers give any {@code Any}. HTTP apps receive the JSON itself, or the raw bytes of a non-JSON {@code Any}.
 */
public final class JobData {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALUE_TYPE = "type.googleapis.com/google.protobuf.Value";

    private JobData() {}

    /** JSON text as job data. @throws IllegalArgumentException when it is not JSON */
    public static Any fromJson(String json) {
        Value.Builder value = Value.newBuilder();
        try {
            JsonFormat.parser().merge(json, value);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("job data is not JSON: " + e.getMessage(), e);
        }
        return Any.pack(value.build());
    }

    /** The JSON a {@code Value} holds, whole numbers without a fraction as Go's protojson writes them. */
    public static java.util.Optional<JsonNode> json(Any data) {
        if (!VALUE_TYPE.equals(data.getTypeUrl())) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(node(data.unpack(Value.class)));
        } catch (InvalidProtocolBufferException e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonNode node(Value value) {
        return switch (value.getKindCase()) {
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
            }
            case STRING_VALUE -> NODES.textNode(value.getStringValue());
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case STRUCT_VALUE -> {
                ObjectNode object = NODES.objectNode();
                value.getStructValue().getFieldsMap().forEach((k, v) -> object.set(k, node(v)));
                yield object;
            }
            case LIST_VALUE -> {
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> array.add(node(v)));
                yield array;
            }
            default -> NODES.nullNode();
        };
    }

    /** The body an HTTP app receives. */
    static byte[] httpBody(Any data) {
        return json(data).map(j -> j.toString().getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> data.getValue().toByteArray());
    }
}
