package io.daprj.runtime.pubsub;

import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse;
import io.dapr.v1.DaprAppCallbackProtos.TopicEventResponse.TopicEventResponseStatus;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestInitialAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestProcessedAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of {@code SubscribeTopicEventsAlpha1} for tests: what the sidecar sends is queued; answers are explicit. */
final class TestEventStream implements AutoCloseable {

    private final BlockingQueue<SubscribeTopicEventsResponseAlpha1> received = new LinkedBlockingQueue<>();
    /** Completes with null when the sidecar completed the call, or with its error. */
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final StreamObserver<SubscribeTopicEventsRequestAlpha1> requests;

    TestEventStream(DaprGrpc.DaprStub stub) {
        requests = stub.subscribeTopicEventsAlpha1(new StreamObserver<>() {
            @Override
            public void onNext(SubscribeTopicEventsResponseAlpha1 value) {
                received.add(value);
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
            }
        });
    }

    /** Opens a stream and sends the initial request. */
    static TestEventStream subscribe(DaprGrpc.DaprStub stub, String pubsub, String topic, String deadLetterTopic) {
        TestEventStream s = new TestEventStream(stub);
        SubscribeTopicEventsRequestInitialAlpha1.Builder initial =
                SubscribeTopicEventsRequestInitialAlpha1.newBuilder().setPubsubName(pubsub).setTopic(topic);
        if (!deadLetterTopic.isEmpty()) {
            initial.setDeadLetterTopic(deadLetterTopic);
        }
        s.send(SubscribeTopicEventsRequestAlpha1.newBuilder().setInitialRequest(initial).build());
        return s;
    }

    void send(SubscribeTopicEventsRequestAlpha1 request) {
        requests.onNext(request);
    }

    /** The next message from the sidecar; fails when none comes within {@code wait}. */
    SubscribeTopicEventsResponseAlpha1 next(Duration wait) throws InterruptedException {
        SubscribeTopicEventsResponseAlpha1 r = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("nothing arrived on the stream within " + wait);
        }
        return r;
    }

    /** The next message if one comes within {@code wait}, else null. */
    SubscribeTopicEventsResponseAlpha1 poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void answer(String id, TopicEventResponseStatus status) {
        send(SubscribeTopicEventsRequestAlpha1.newBuilder().setEventProcessed(SubscribeTopicEventsRequestProcessedAlpha1
                .newBuilder().setId(id).setStatus(TopicEventResponse.newBuilder().setStatus(status))).build());
    }

    /** Half-closes the stream, as a client that is done. */
    void complete() {
        requests.onCompleted();
    }

    /** Cancels the call, as a client that went away. */
    @Override
    public void close() {
        try {
            requests.onError(Status.CANCELLED.withDescription("test done").asRuntimeException());
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
