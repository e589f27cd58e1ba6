package io.daprj.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.CommonProtos.StreamPayload;
import io.dapr.v1.DaprCryptoProtos.DecryptRequest;
import io.dapr.v1.DaprCryptoProtos.DecryptRequestOptions;
import io.dapr.v1.DaprCryptoProtos.DecryptResponse;
import io.dapr.v1.DaprCryptoProtos.EncryptRequest;
import io.dapr.v1.DaprCryptoProtos.EncryptRequestOptions;
import io.dapr.v1.DaprCryptoProtos.EncryptResponse;
import io.dapr.v1.DaprGrpc;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gRPC {@code EncryptAlpha1}/{@code DecryptAlpha1}: bidi streams with options first and numbered chunks. */
class CryptoGrpcTest {

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static DaprGrpc.DaprStub grpc;

    @BeforeAll
    static void start() throws Exception {
        sidecar = new CryptoSidecarFixture(dir).sidecar;
        grpc = GrpcClients.builder("http://127.0.0.1:" + sidecar.grpcPort()).maxResponseLength(0).build(DaprGrpc.DaprStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    static EncryptRequestOptions encryptOptions(String key, String algorithm) {
        return EncryptRequestOptions.newBuilder().setComponentName("mycrypto").setKeyName(key).setKeyWrapAlgorithm(algorithm).build();
    }

    @Test
    void streamsRoundTripAndMatchTheHttpDoor() throws Exception {
        byte[] plaintext = random(3 * 1024 * 1024 + 7);
        byte[] enc = encrypt(encryptOptions("rsakey", "RSA"), plaintext, 10_000);
        assertThat(decrypt(DecryptRequestOptions.newBuilder().setComponentName("mycrypto").build(), enc, 65_552))
                .isEqualTo(plaintext);
        assertThat(CryptoHttpTest.put(sidecar.httpPort(), "mycrypto", "decrypt", enc).body()).isEqualTo(plaintext);
    }

    @Test
    void anEmptyPlaintextIsAHeaderOnly() {
        byte[] enc = encrypt(encryptOptions("symkey", "A256KW"), new byte[0], 100);
        assertThat(new String(enc, java.nio.charset.StandardCharsets.US_ASCII).split("\n")).hasSize(3);
        assertThat(decrypt(DecryptRequestOptions.newBuilder().setComponentName("mycrypto").build(), enc, 100)).isEmpty();
    }

    @Test
    void chunksOutOfSequenceAreRefused() {
        List<EncryptRequest> messages = List.of(
                EncryptRequest.newBuilder().setOptions(encryptOptions("symkey", "AES")).setPayload(payload(new byte[10], 0)).build(),
                EncryptRequest.newBuilder().setPayload(payload(new byte[10], 2)).build());
        assertStatus(() -> call(grpc::encryptAlpha1, messages, EncryptResponse::getPayload), Status.Code.INTERNAL,
                "failed to perform operation: invalid sequence number received: 2 (expected: 1)");
    }

    @Test
    void optionsMustComeFirstAndBeComplete() {
        assertStatus(() -> call(grpc::encryptAlpha1, List.of(EncryptRequest.newBuilder().setPayload(payload(new byte[1], 0)).build()),
                EncryptResponse::getPayload), Status.Code.INVALID_ARGUMENT, "first message does not contain the required options");
        assertStatus(() -> call(grpc::encryptAlpha1, List.of(EncryptRequest.newBuilder()
                        .setOptions(encryptOptions("", "RSA")).build()), EncryptResponse::getPayload),
                Status.Code.INVALID_ARGUMENT, "missing property 'keyName' in the options message");
        assertStatus(() -> call(grpc::decryptAlpha1, List.of(DecryptRequest.newBuilder()
                        .setOptions(DecryptRequestOptions.newBuilder().setComponentName("nocrypto")).build()), DecryptResponse::getPayload),
                Status.Code.INVALID_ARGUMENT, "crypto provider nocrypto not found");
    }

    @Test
    void aStreamWhoseOptionsDoNotArriveWithinFiveSecondsIsRefused() {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        StreamObserver<EncryptRequest> requests = grpc.encryptAlpha1(new StreamObserver<>() {
            @Override
            public void onNext(EncryptResponse value) {}

            @Override
            public void onError(Throwable t) {
                failure.complete(t);
            }

            @Override
            public void onCompleted() {
                failure.complete(null);
            }
        });
        Throwable t = failure.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        requests.onCompleted();
        assertThat(t).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).isEqualTo("error waiting for first message: context deadline exceeded");
        });
    }

    @Test
    void aTamperedDocumentEndsTheStreamWithErrCrypto() {
        byte[] enc = encrypt(encryptOptions("symkey", "AES"), random(100_000), 50_000);
        enc[enc.length - 5] ^= 1;
        assertStatus(() -> decrypt(DecryptRequestOptions.newBuilder().setComponentName("mycrypto").build(), enc, 65_552),
                Status.Code.INTERNAL, "failed to perform operation: error processing segment 1: failed to decrypt segment");
    }

    @Test
    void aSidecarWithoutCryptoProvidersSaysSo(@TempDir Path other) throws Exception {
        try (Sidecar plain = Sidecar.start(TestSidecars.options("plain", TestSidecars.inMemoryResources(other), null))) {
            DaprGrpc.DaprStub stub = GrpcClients.newClient("http://127.0.0.1:" + plain.grpcPort(), DaprGrpc.DaprStub.class);
            assertStatus(() -> call(stub::encryptAlpha1, List.of(EncryptRequest.newBuilder()
                    .setOptions(encryptOptions("k", "RSA")).build()), EncryptResponse::getPayload),
                    Status.Code.INTERNAL, "crypto providers not configured");
        }
    }

    static byte[] encrypt(EncryptRequestOptions options, byte[] plaintext, int chunk) {
        List<EncryptRequest> messages = new ArrayList<>();
        chunks(plaintext, chunk, (payload, first) -> {
            EncryptRequest.Builder b = EncryptRequest.newBuilder().setPayload(payload);
            messages.add((first ? b.setOptions(options) : b).build());
        });
        return call(grpc::encryptAlpha1, messages, EncryptResponse::getPayload);
    }

    static byte[] decrypt(DecryptRequestOptions options, byte[] document, int chunk) {
        List<DecryptRequest> messages = new ArrayList<>();
        chunks(document, chunk, (payload, first) -> {
            DecryptRequest.Builder b = DecryptRequest.newBuilder().setPayload(payload);
            messages.add((first ? b.setOptions(options) : b).build());
        });
        return call(grpc::decryptAlpha1, messages, DecryptResponse::getPayload);
    }

    private static void chunks(byte[] data, int chunk, java.util.function.BiConsumer<StreamPayload, Boolean> add) {
        int seq = 0;
        for (int pos = 0; pos < data.length || seq == 0; pos += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(data, pos, Math.min(data.length, pos + chunk));
            add.accept(payload(part, seq), seq == 0);
            seq++;
        }
    }

    private static StreamPayload payload(byte[] data, long seq) {
        return StreamPayload.newBuilder().setData(ByteString.copyFrom(data)).setSeq(seq).build();
    }

    /** Sends all messages, half-closes, and returns the payloads received in order (checking their numbering). */
    static <Q, S> byte[] call(Function<StreamObserver<S>, StreamObserver<Q>> method, List<Q> messages,
            Function<S, StreamPayload> payloadOf) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] expected = {0};
        StreamObserver<Q> requests = method.apply(new StreamObserver<>() {
            @Override
            public void onNext(S response) {
                StreamPayload p = payloadOf.apply(response);
                if (p.getSeq() != expected[0]++) {
                    result.completeExceptionally(new AssertionError("response seq " + p.getSeq()));
                }
                out.writeBytes(p.getData().toByteArray());
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                result.complete(out.toByteArray());
            }
        });
        messages.forEach(requests::onNext);
        requests.onCompleted();
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The call fails with {@code code} and, unless null, exactly {@code message}. */
    static void assertStatus(Runnable call, Status.Code code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.getStatus().getDescription()).isEqualTo(message);
            }
        });
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
