package io.daprj.benchmarks;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprStateProtos;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * State get and save of a 1 KB value through the sidecar (HTTP and gRPC) and on the store itself, in this JVM, on a
 * virtual thread per call as the sidecar runs it. Gets read one key written beforehand; saves cycle through
 * {@value #SAVE_KEYS} keys (last-write, no ETag).
 */
final class StateTargets {

    static final String GET_KEY = "bench-key";
    private static final int SAVE_KEYS = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ByteString VALUE = ByteString.copyFromUtf8(Payloads.JSON_VALUE);

    private StateTargets() {}

    static LoadTarget httpGet(int sidecarHttpPort, String store) {
        WebClient client = client(sidecarHttpPort);
        String path = "/v1.0/state/" + store + "/" + GET_KEY;
        return seq -> client.get(path).aggregate()
                .thenApply(r -> InvocationTargets.requireStatus(r, 200, Payloads.SIZE));
    }

    static LoadTarget httpSave(int sidecarHttpPort, String store) {
        WebClient client = client(sidecarHttpPort);
        String path = "/v1.0/state/" + store;
        return seq -> client.execute(HttpRequest.of(HttpMethod.POST, path, MediaType.JSON,
                        "[{\"key\":\"" + saveKey(seq) + "\",\"value\":" + Payloads.JSON_VALUE + "}]"))
                .aggregate()
                .thenApply(r -> InvocationTargets.requireStatus(r, 204, 0));
    }

    static LoadTarget grpcGet(int sidecarGrpcPort, String store) {
        DaprGrpc.DaprStub dapr = stub(sidecarGrpcPort);
        DaprStateProtos.GetStateRequest request =
                DaprStateProtos.GetStateRequest.newBuilder().setStoreName(store).setKey(GET_KEY).build();
        return seq -> {
            UnaryCall<DaprStateProtos.GetStateResponse> call = new UnaryCall<>();
            dapr.getState(request, call);
            return call.thenApply(r -> {
                if (r.getData().size() != Payloads.SIZE) {
                    throw new IllegalStateException("got " + r.getData().size() + " bytes");
                }
                return r;
            });
        };
    }

    static LoadTarget grpcSave(int sidecarGrpcPort, String store) {
        DaprGrpc.DaprStub dapr = stub(sidecarGrpcPort);
        return seq -> {
            UnaryCall<com.google.protobuf.Empty> call = new UnaryCall<>();
            dapr.saveState(DaprStateProtos.SaveStateRequest.newBuilder()
                    .setStoreName(store)
                    .addStates(CommonProtos.StateItem.newBuilder().setKey(saveKey(seq)).setValue(VALUE))
                    .build(), call);
            return call;
        };
    }

    static LoadTarget directGet(StateStore store, ExecutorService virtualThreads) {
        GetRequest request = GetRequest.of(GET_KEY);
        return seq -> CompletableFuture.supplyAsync(() -> store.get(request).orElseThrow(), virtualThreads);
    }

    static LoadTarget directSave(StateStore store, ExecutorService virtualThreads) {
        byte[] value = Payloads.JSON_VALUE.getBytes(StandardCharsets.UTF_8);
        return seq -> CompletableFuture.runAsync(() -> store.set(SetRequest.of(saveKey(seq), value)), virtualThreads);
    }

    private static String saveKey(long seq) {
        return "save-" + (seq % SAVE_KEYS);
    }

    private static WebClient client(int port) {
        return WebClient.builder("h1c://127.0.0.1:" + port).responseTimeout(TIMEOUT).build();
    }

    private static DaprGrpc.DaprStub stub(int port) {
        return GrpcClients.builder("http://127.0.0.1:" + port).responseTimeout(TIMEOUT).build(DaprGrpc.DaprStub.class);
    }
}
