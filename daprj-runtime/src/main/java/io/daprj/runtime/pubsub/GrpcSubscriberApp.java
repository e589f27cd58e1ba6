package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC app: {@code AppCallback/ListTopicSubscriptions} and {@code AppCallback/OnTopicEvent}. The invoke app channel
 * only speaks {@code OnInvoke}, so this keeps its own stub, with its own {@code --app-max-concurrency} limit.
 */
final class GrpcSubscriberApp implements SubscriberApp {

    private static final Logger log = LoggerFactory.getLogger(GrpcSubscriberApp.class);
    /** Envelope fields that have their own proto field; the rest travel as extensions. */
    private static final Set<String> OWN_FIELDS =
            Set.of("id", "source", "datacontenttype", "type", "specversion", "data", "data_base64");

    private final AppCallbackGrpc.AppCallbackBlockingStub stub;
    private final Semaphore permits;

    GrpcSubscriberApp(String host, int port, int maxConcurrency) {
        this.stub = GrpcClients.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build(AppCallbackGrpc.AppCallbackBlockingStub.class);
        this.permits = maxConcurrency > 0 ? new Semaphore(maxConcurrency, true) : null;
    }

    @Override
    public List<SubscriptionSpec> subscriptions() {
        DaprAppCallbackProtos.ListTopicSubscriptionsResponse response;
        try {
            response = stub.listTopicSubscriptions(Empty.getDefaultInstance());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return List.of();
            }
            throw e;
        }
        List<SubscriptionSpec> specs = new ArrayList<>();
        for (DaprAppCallbackProtos.TopicSubscription s : response.getSubscriptionsList()) {
            try {
                List<SubscriptionSpec.Rule> rules = new ArrayList<>();
                for (DaprAppCallbackProtos.TopicRule r : s.getRoutes().getRulesList()) {
                    rules.add(SubscriptionSpec.Rule.of(r.getMatch(), r.getPath()));
                }
                // a gRPC app gets every event on OnTopicEvent; the path only tells it which rule matched
                List<SubscriptionSpec.Rule> all = SubscriptionSpec.rules(rules, s.getRoutes().getDefault(), "");
                if (all.isEmpty()) {
                    all = List.of(SubscriptionSpec.Rule.of("", ""));
                }
                specs.add(new SubscriptionSpec(s.getPubsubName(), s.getTopic(), all, s.getDeadLetterTopic(),
                        s.getMetadataMap(), SubscriptionSpec.Type.PROGRAMMATIC, List.of()));
            } catch (IllegalArgumentException e) {
                log.error("skipping subscription to topic {}: {}", s.getTopic(), e.getMessage());
            }
        }
        return specs;
    }

    @Override
    public Verdict deliver(TopicEvent event) {
        ObjectNode ce = event.cloudEvent();
        DaprAppCallbackProtos.TopicEventRequest.Builder request = DaprAppCallbackProtos.TopicEventRequest.newBuilder()
                .setId(ce.path("id").asText(""))
                .setSource(ce.path("source").asText(""))
                .setType(ce.path("type").asText(""))
                .setSpecVersion(ce.path("specversion").asText(""))
                .setDataContentType(ce.path("datacontenttype").asText(""))
                .setTopic(event.topic())
                .setPubsubName(event.pubsubName())
                .setPath(event.path())
                .setData(ByteString.copyFrom(data(ce)))
                .setExtensions(extensions(ce));
        Metadata metadata = new Metadata();
        event.metadata().forEach((k, v) -> {
            if (!k.endsWith(Metadata.BINARY_HEADER_SUFFIX) && !k.startsWith(":")) {
                metadata.put(Metadata.Key.of(k.toLowerCase(java.util.Locale.ROOT), Metadata.ASCII_STRING_MARSHALLER), v);
            }
        });
        try {
            acquire();
            DaprAppCallbackProtos.TopicEventResponse response;
            try {
                response = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                        .onTopicEvent(request.build());
            } finally {
                release();
            }
            return switch (response.getStatus()) {
                case SUCCESS -> Verdict.SUCCESS;
                case DROP -> Verdict.DROP;
                default -> Verdict.RETRY;
            };
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                // daprd acknowledges such an event without dead-lettering it
                log.warn("non-retriable error from the app for pub/sub event {}: {}", ce.path("id"), e.getStatus());
                return Verdict.SUCCESS;
            }
            log.debug("error from the app for pub/sub event {}: {}", ce.path("id"), e.getStatus());
            return Verdict.RETRY;
        } catch (RuntimeException e) {
            log.warn("error delivering pub/sub event {} to the app: {}", ce.path("id"), e.toString());
            return Verdict.RETRY;
        }
    }

    /** {@code data_base64} decoded; string content types as text; JSON re-serialised. */
    private static byte[] data(ObjectNode ce) {
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

    private void acquire() {
        if (permits != null) {
            permits.acquireUninterruptibly();
        }
    }

    private void release() {
        if (permits != null) {
            permits.release();
        }
    }
}
