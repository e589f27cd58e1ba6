package io.daprj.runtime.grpc;

import io.dapr.v1.DaprPubsubProtos;
import io.daprj.runtime.pubsub.BulkPublishEntry;
import io.daprj.runtime.pubsub.PubSubApi;
import io.daprj.runtime.pubsub.TraceContext;
import io.daprj.spi.pubsub.BulkPublishFailure;
import io.grpc.Metadata;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * {@code PublishEvent}, {@code BulkPublishEvent[Alpha1]} and {@code SubscribeTopicEventsAlpha1} onto the pub/sub API;
 * the trace comes from gRPC metadata.
 */
final class PubSubGrpcMapping {

    private static final Metadata.Key<String> TRACE_PARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TRACE_STATE = Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER);

    private PubSubGrpcMapping() {}

    static void publish(PubSubApi api, DaprPubsubProtos.PublishEventRequest r) {
        api.publish(r.getPubsubName(), r.getTopic(), r.getData().toByteArray(), r.getDataContentType(),
                r.getMetadataMap(), trace());
    }

    static DaprPubsubProtos.BulkPublishResponse bulkPublish(PubSubApi api, DaprPubsubProtos.BulkPublishRequest r) {
        List<BulkPublishEntry> entries = r.getEntriesList().stream()
                .map(e -> new BulkPublishEntry(e.getEntryId(), e.getEvent().toByteArray(), e.getContentType(),
                        e.getMetadataMap()))
                .toList();
        List<BulkPublishFailure> failed = api.bulkPublish(r.getPubsubName(), r.getTopic(), entries, r.getMetadataMap(), trace());
        DaprPubsubProtos.BulkPublishResponse.Builder b = DaprPubsubProtos.BulkPublishResponse.newBuilder();
        failed.forEach(f -> b.addFailedEntries(DaprPubsubProtos.BulkPublishResponseFailedEntry.newBuilder()
                .setEntryId(f.entryId()).setError(f.error())));
        return b.build();
    }

    /** The request side of a {@code SubscribeTopicEventsAlpha1} stream. */
    static StreamObserver<DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1> subscribeTopicEvents(PubSubApi api,
            StreamObserver<DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1> out, String appId) {
        return new SubscribeTopicEventsStream(api, out, appId);
    }

    private static TraceContext trace() {
        var ctx = com.linecorp.armeria.server.ServiceRequestContext.currentOrNull();
        if (ctx == null) {
            return TraceContext.fromCaller(null, null);
        }
        var headers = ctx.request().headers();
        return TraceContext.fromCaller(headers.get(TRACE_PARENT.name()), headers.get(TRACE_STATE.name()));
    }
}
