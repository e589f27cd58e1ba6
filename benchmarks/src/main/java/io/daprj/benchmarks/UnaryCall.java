package io.daprj.benchmarks;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** A gRPC unary response as a future: completes with the one message, or exceptionally with the call's status. */
final class UnaryCall<T> extends CompletableFuture<T> implements StreamObserver<T> {

    private T value;

    @Override
    public void onNext(T message) {
        value = message;
    }

    @Override
    public void onError(Throwable failure) {
        completeExceptionally(failure);
    }

    @Override
    public void onCompleted() {
        complete(value);
    }
}
