package io.daprj.runtime.grpc;

import io.dapr.v1.DaprAppCallbackProtos;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsRequestInitialAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseAlpha1;
import io.dapr.v1.DaprPubsubProtos.SubscribeTopicEventsResponseInitialAlpha1;
import io.daprj.runtime.errors.ErrorResponses;
import io.daprj.runtime.pubsub.PubSubApi;
import io.daprj.runtime.pubsub.StreamingSubscription;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server side of one {@code SubscribeTopicEventsAlpha1} stream: the first message must be the initial request,
 * which opens the subscription and is answered by the initial response; events then go out as event messages, and
 * each {@code EventProcessed} from the client settles its event. The stream ending closes the subscription.
 */
final class SubscribeTopicEventsStream implements StreamObserver<SubscribeTopicEventsRequestAlpha1> {

    private final PubSubApi api;
    private final StreamObserver<SubscribeTopicEventsResponseAlpha1> out;
    private final String appId;
    private final ReentrantLock sending = new ReentrantLock();
    /** Events wait for the initial response to be out first. */
    private final CountDownLatch initialSent = new CountDownLatch(1);
    private volatile StreamingSubscription subscription;
    private volatile boolean started;
    private volatile boolean ended;

    SubscribeTopicEventsStream(PubSubApi api, StreamObserver<SubscribeTopicEventsResponseAlpha1> out, String appId) {
        this.api = api;
        this.out = out;
        this.appId = appId;
    }

    @Override
    public void onNext(SubscribeTopicEventsRequestAlpha1 request) {
        if (!started) {
            started = true;
            if (!request.hasInitialRequest()) {
                fail(Status.INVALID_ARGUMENT.withDescription("initial request is required").asRuntimeException());
                return;
            }
            // subscribing may wait on the broker: not on the server's event loop
            Thread.ofVirtual().name("pubsub-stream-subscribe").start(() -> open(request.getInitialRequest()));
            return;
        }
        StreamingSubscription live = subscription;
        if (request.hasEventProcessed() && live != null) {
            live.processed(request.getEventProcessed().getId(), request.getEventProcessed().getStatus().getStatus());
        }
    }

    private void open(SubscribeTopicEventsRequestInitialAlpha1 initial) {
        StreamingSubscription live;
        try {
            live = api.streaming().open(initial.getPubsubName(), initial.getTopic(), initial.getMetadataMap(),
                    initial.getDeadLetterTopic(), this::send);
        } catch (RuntimeException e) {
            fail(ErrorResponses.grpcStatus(ErrorResponses.toDapr(e), appId));
            return;
        }
        subscription = live;
        try {
            if (!ended) {
                emit(SubscribeTopicEventsResponseAlpha1.newBuilder()
                        .setInitialResponse(SubscribeTopicEventsResponseInitialAlpha1.getDefaultInstance()).build());
            }
        } catch (RuntimeException e) {
            ended = true; // the call closed meanwhile
        } finally {
            initialSent.countDown();
        }
        if (ended) {
            live.close();
        }
    }

    private void send(DaprAppCallbackProtos.TopicEventRequest event) {
        try {
            initialSent.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the stream was ready", e);
        }
        if (ended) {
            throw new IllegalStateException("the stream ended");
        }
        emit(SubscribeTopicEventsResponseAlpha1.newBuilder().setEventMessage(event).build());
    }

    private void emit(SubscribeTopicEventsResponseAlpha1 message) {
        sending.lock();
        try {
            out.onNext(message);
        } finally {
            sending.unlock();
        }
    }

    private void fail(RuntimeException status) {
        ended = true;
        sending.lock();
        try {
            out.onError(status);
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void onError(Throwable t) {
        end();
    }

    @Override
    public void onCompleted() {
        end();
        sending.lock();
        try {
            out.onCompleted();
        } catch (RuntimeException e) {
            // the call is already closed
        } finally {
            sending.unlock();
        }
    }

    /** Closing waits for running deliveries, so it runs off the caller's thread. */
    private void end() {
        ended = true;
        StreamingSubscription live = subscription;
        if (live != null) {
            Thread.ofVirtual().name("pubsub-stream-close").start(live::close);
        }
    }
}
