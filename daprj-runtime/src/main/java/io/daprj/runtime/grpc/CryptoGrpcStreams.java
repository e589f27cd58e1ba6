package io.daprj.runtime.grpc;

import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos.StreamPayload;
import io.dapr.v1.DaprCryptoProtos;
import io.daprj.runtime.crypto.ChunkSink;
import io.daprj.runtime.crypto.CryptoApi;
import io.daprj.runtime.crypto.CryptoStream;
import io.daprj.runtime.crypto.EncryptOptions;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.ErrorResponses;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Function;

/**
 * gRPC {@code EncryptAlpha1} / {@code DecryptAlpha1}: bidi streams whose first message carries the options and
 * every message a {@code StreamPayload} chunk numbered from 0. Each chunk is processed as it arrives and each
 * sealed or opened segment is sent at once with its own sequence number, so a stream holds one segment in memory
 * (plus what the transport holds while the client reads).
 */
final class CryptoGrpcStreams {

    static final java.time.Duration FIRST_MESSAGE_TIMEOUT = java.time.Duration.ofSeconds(5);

    private CryptoGrpcStreams() {}

    static StreamObserver<DaprCryptoProtos.EncryptRequest> encrypt(CryptoApi crypto, String appId,
            StreamObserver<DaprCryptoProtos.EncryptResponse> out) {
        return new Call<>(appId, out, DaprCryptoProtos.EncryptRequest::hasOptions,
                r -> r.hasPayload() ? Optional.of(r.getPayload()) : Optional.empty(),
                r -> {
                    var o = r.getOptions();
                    if (o.getKeyName().isEmpty()) {
                        throw DaprError.ERR_BAD_REQUEST.with("missing property 'keyName' in the options message");
                    }
                    if (o.getKeyWrapAlgorithm().isEmpty()) {
                        throw DaprError.ERR_BAD_REQUEST.with("missing property 'keyWrapAlgorithm' in the options message");
                    }
                    return crypto.encrypt(new EncryptOptions(o.getComponentName(), o.getKeyName(),
                            o.getKeyWrapAlgorithm(), Optional.of(o.getDataEncryptionCipher()),
                            o.getOmitDecryptionKeyName(), Optional.of(o.getDecryptionKeyName())));
                },
                p -> DaprCryptoProtos.EncryptResponse.newBuilder().setPayload(p).build());
    }

    static StreamObserver<DaprCryptoProtos.DecryptRequest> decrypt(CryptoApi crypto, String appId,
            StreamObserver<DaprCryptoProtos.DecryptResponse> out) {
        return new Call<>(appId, out, DaprCryptoProtos.DecryptRequest::hasOptions,
                r -> r.hasPayload() ? Optional.of(r.getPayload()) : Optional.empty(),
                r -> crypto.decrypt(r.getOptions().getComponentName(), Optional.of(r.getOptions().getKeyName())),
                p -> DaprCryptoProtos.DecryptResponse.newBuilder().setPayload(p).build());
    }

    /** One stream: opens on the first message, then feeds chunks in sequence; the first failure ends it. */
    private static final class Call<Q, S> implements StreamObserver<Q>, ChunkSink {

        private final String appId;
        private final StreamObserver<S> out;
        private final Function<Q, Boolean> hasOptions;
        private final Function<Q, Optional<StreamPayload>> payload;
        private final Function<Q, CryptoStream> open;
        private final Function<StreamPayload, S> response;
        private final java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        private CryptoStream stream;
        private long expectSeq;
        private long sendSeq;
        private volatile boolean done;

        Call(String appId, StreamObserver<S> out, Function<Q, Boolean> hasOptions,
                Function<Q, Optional<StreamPayload>> payload, Function<Q, CryptoStream> open,
                Function<StreamPayload, S> response) {
            this.appId = appId;
            this.out = out;
            this.hasOptions = hasOptions;
            this.payload = payload;
            this.open = open;
            this.response = response;
            // as daprd: the options must arrive within 5 s
            java.util.concurrent.CompletableFuture.delayedExecutor(FIRST_MESSAGE_TIMEOUT.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                        if (opened.compareAndSet(false, true) && !done) {
                            try {
                                fail(DaprError.ERR_BAD_REQUEST.with(
                                        "error waiting for first message: context deadline exceeded"));
                            } catch (RuntimeException alreadyClosed) {
                                // the client went away meanwhile
                            }
                        }
                    });
        }

        @Override
        public void onNext(Q request) {
            if (done) {
                return;
            }
            try {
                if (stream == null) {
                    if (!opened.compareAndSet(false, true)) {
                        return;
                    }
                    if (!hasOptions.apply(request)) {
                        throw DaprError.ERR_BAD_REQUEST.with("first message does not contain the required options");
                    }
                    stream = open.apply(request);
                } else if (hasOptions.apply(request)) {
                    throw CryptoApi.failure("options found in non-leading message");
                }
                Optional<StreamPayload> chunk = payload.apply(request);
                if (chunk.isPresent()) {
                    if (chunk.get().getSeq() != expectSeq) {
                        throw CryptoApi.failure("invalid sequence number received: " + chunk.get().getSeq()
                                + " (expected: " + expectSeq + ")");
                    }
                    expectSeq++;
                    ByteString data = chunk.get().getData();
                    stream.write(data.toByteArray(), 0, data.size(), this);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            done = true;
        }

        @Override
        public void onCompleted() {
            if (done) {
                return;
            }
            try {
                if (stream == null) {
                    if (!opened.compareAndSet(false, true)) {
                        return;
                    }
                    throw CryptoApi.failure("error receiving the first message: EOF");
                }
                stream.finish(this);
                done = true;
                out.onCompleted();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void accept(byte[] buffer, int length) {
            awaitReady();
            out.onNext(response.apply(StreamPayload.newBuilder()
                    .setData(ByteString.copyFrom(buffer, 0, length)).setSeq(sendSeq++).build()));
        }

        /**
         * Holds this call (and so, with gRPC's one-message-at-a-time inbound flow, the sender too) while the client is
         * not taking responses, so a slow reader cannot make the sidecar buffer a whole document.
         */
        private void awaitReady() {
            if (!(out instanceof ServerCallStreamObserver<S> call)) {
                return;
            }
            while (!call.isReady()) {
                if (call.isCancelled()) {
                    throw CryptoApi.failure("the client cancelled the stream");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw CryptoApi.failure("interrupted");
                }
            }
        }

        private void fail(RuntimeException e) {
            done = true;
            out.onError(ErrorResponses.grpcStatus(ErrorResponses.toDapr(e), appId));
        }
    }
}
