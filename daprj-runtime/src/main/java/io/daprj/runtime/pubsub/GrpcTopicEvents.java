package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.dapr.v1.DaprAppCallbackProtos;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * A CloudEvent as the gRPC protos carry it, for {@code OnTopicEvent}, bulk entries and streaming subscriptions: the
 * envelope's own fields, {@code data} as bytes, every other attribute in {@code extensions}.
 */
final class GrpcTopicEvents {

    /** Envelope fields that have their own proto field; the rest travel as extensions. */
    private static final Set<String> OWN_FIELDS =
            Set.of("id", "source", "datacontenttype", "type", "specversion", "data", "data_base64");

    private GrpcTopicEvents() {}

    /** The {@code TopicEventRequest} of {@code OnTopicEvent} and of a streaming subscription's event message. */
    static DaprAppCallbackProtos.TopicEventRequest request(TopicEvent event) {
        ObjectNode ce = event.cloudEvent();
        return DaprAppCallbackProtos.TopicEventRequest.newBuilder()
                .setId(ce.path("id").asText(""))
                .setSource(ce.path("source").asText(""))
                .setType(ce.path("type").asText(""))
                .setSpecVersion(ce.path("specversion").asText(""))
                .setDataContentType(ce.path("datacontenttype").asText(""))
                .setTopic(event.topic())
                .setPubsubName(event.pubsubName())
                .setPath(event.path())
                .setData(ByteString.copyFrom(data(ce)))
                .setExtensions(extensions(ce))
                .build();
    }

    /** The {@code TopicEventCERequest} of a bulk entry. */
    static DaprAppCallbackProtos.TopicEventCERequest cloudEvent(ObjectNode ce) {
        return DaprAppCallbackProtos.TopicEventCERequest.newBuilder()
                .setId(ce.path("id").asText(""))
                .setSource(ce.path("source").asText(""))
                .setType(ce.path("type").asText(""))
                .setSpecVersion(ce.path("specversion").asText(""))
                .setDataContentType(ce.path("datacontenttype").asText(""))
                .setData(ByteString.copyFrom(data(ce)))
                .setExtensions(extensions(ce))
                .build();
    }

    /** The app's status; anything but SUCCESS and DROP is retried, as daprd does. */
    static Verdict verdict(TopicEventResponseStatus status) {
        return switch (status) {
            case SUCCESS -> Verdict.SUCCESS;
            case DROP -> Verdict.DROP;
            default -> Verdict.RETRY;
        };
    }

    /** {@code data_base64} decoded; string content types as text; JSON re-serialised. */
    static byte[] data(ObjectNode ce) {
        if (ce.hasNonNull("data_base64")) {
            return Base64.getDecoder().decode(ce.get("data_base64").asText());
        }
        JsonNode data = ce.get("data");
        if (data == null || data.isNull()) {
            return new byte[0];
        }
        String ct = ce.path("datacontenttype").asText("");
        if (data.isTextual() && !ContentTypes.isJson(ct) && !ContentTypes.isCloudEvent(ct)) {
            return data.asText().getBytes(StandardCharsets.UTF_8);
        }
        return CloudEvents.bytes(data);
    }

    private static Struct extensions(ObjectNode ce) {
        Struct.Builder struct = Struct.newBuilder();
        ce.properties().forEach(e -> {
            if (!OWN_FIELDS.contains(e.getKey())) {
                struct.putFields(e.getKey(), value(e.getValue()));
            }
        });
        return struct.build();
    }

    /** JSON as a protobuf {@code Value}, as protojson reads it into a Struct. */
    private static Value value(JsonNode node) {
        if (node.isObject()) {
            Struct.Builder s = Struct.newBuilder();
            node.properties().forEach(e -> s.putFields(e.getKey(), value(e.getValue())));
            return Value.newBuilder().setStructValue(s).build();
        }
        if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(n -> list.addValues(value(n)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (node.isNumber()) {
            return Value.newBuilder().setNumberValue(node.doubleValue()).build();
        }
        if (node.isBoolean()) {
            return Value.newBuilder().setBoolValue(node.booleanValue()).build();
        }
        if (node.isNull()) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        return Value.newBuilder().setStringValue(node.asText()).build();
    }
}
