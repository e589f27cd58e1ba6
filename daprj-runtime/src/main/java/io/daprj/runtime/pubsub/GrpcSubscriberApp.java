package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Empty;
import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.AppCallbackGrpc;
import io.dapr.v1.DaprAppCallbackProtos;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC app: {@code AppCallback/ListTopicSubscriptions} and {@code AppCallback/OnTopicEvent}. The invoke app channel
 * only speaks {@code OnInvoke}, so this keeps its own stub, with its own {@code --app-max-concurrency} limit.
 */
final class GrpcSubscriberApp implements SubscriberApp {

    private static final Logger log = LoggerFactory.getLogger(GrpcSubscriberApp.class);

    private final AppCallbackGrpc.AppCallbackBlockingStub stub;
    private final AppCallbackAlphaGrpc.AppCallbackAlphaBlockingStub alphaStub;
    private final Semaphore permits;

    GrpcSubscriberApp(String host, int port, int maxConcurrency) {
        GrpcClientBuilder clients = GrpcClients.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0);
        this.stub = clients.build(AppCallbackGrpc.AppCallbackBlockingStub.class);
        this.alphaStub = clients.build(AppCallbackAlphaGrpc.AppCallbackAlphaBlockingStub.class);
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
                        s.getMetadataMap(), SubscriptionSpec.Type.PROGRAMMATIC, List.of(), bulk(s.getBulkSubscribe())));
            } catch (IllegalArgumentException e) {
                log.error("skipping subscription to topic {}: {}", s.getTopic(), e.getMessage());
            }
        }
        return specs;
    }

    private static BulkSubscribe bulk(DaprAppCallbackProtos.BulkSubscribeConfig c) {
        return c.getEnabled() ? new BulkSubscribe(true, c.getMaxMessagesCount(), c.getMaxAwaitDurationMs()) : BulkSubscribe.DISABLED;
    }

    @Override
    public Verdict deliver(TopicEvent event) {
        ObjectNode ce = event.cloudEvent();
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
                        .onTopicEvent(GrpcTopicEvents.request(event));
            } finally {
                release();
            }
            return GrpcTopicEvents.verdict(response.getStatus());
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

    /**
     * {@code AppCallback/OnBulkTopicEvent}, or {@code AppCallbackAlpha/OnBulkTopicEventAlpha1} for an app that
     * serves only the older one; a failed call retries every entry.
     */
    @Override
    public Map<String, Verdict> deliverBulk(BulkEvent event) {
        DaprAppCallbackProtos.TopicEventBulkRequest.Builder request = DaprAppCallbackProtos.TopicEventBulkRequest.newBuilder()
                .setId(event.id())
                .setTopic(event.topic())
                .setPubsubName(event.pubsubName())
                .setType(BulkEvent.TYPE)
                .setPath(event.path());
        for (BulkEvent.Entry e : event.entries()) {
            request.addEntries(DaprAppCallbackProtos.TopicEventBulkRequestEntry.newBuilder()
                    .setEntryId(e.entryId())
                    .setCloudEvent(GrpcTopicEvents.cloudEvent(e.cloudEvent()))
                    .setContentType(ContentTypes.CLOUD_EVENT)
                    .putAllMetadata(e.metadata()));
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        try {
            acquire();
            try {
                DaprAppCallbackProtos.TopicEventBulkResponse response;
                try {
                    response = stub.onBulkTopicEvent(request.build());
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                        throw e;
                    }
                    response = alphaStub.onBulkTopicEventAlpha1(request.build());
                }
                response.getStatusesList().forEach(s -> verdicts.put(s.getEntryId(), GrpcTopicEvents.verdict(s.getStatus())));
            } finally {
                release();
            }
        } catch (RuntimeException e) {
            log.warn("error delivering bulk pub/sub event {} to the app: {}", event.id(), e.toString());
        }
        return verdicts;
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
