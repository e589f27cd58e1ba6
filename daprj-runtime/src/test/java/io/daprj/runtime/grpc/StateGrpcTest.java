package io.daprj.runtime.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprMetadataProtos;
import io.dapr.v1.DaprStateProtos;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateGrpcTest {

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub dapr;

    @BeforeAll
    static void start() throws Exception {
        sidecar = Sidecar.start(TestSidecars.options("grpcapp", TestSidecars.inMemoryResources(dir), null));
        dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    private static CommonProtos.StateItem item(String key, String value) {
        return CommonProtos.StateItem.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(value)).build();
    }

    private static void save(CommonProtos.StateItem... items) {
        dapr.saveState(DaprStateProtos.SaveStateRequest.newBuilder().setStoreName("statestore")
                .addAllStates(java.util.List.of(items)).build());
    }

    private static DaprStateProtos.GetStateResponse get(String key) {
        return dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("statestore").setKey(key).build());
    }

    @Test
    void saveGetDeleteRoundTripKeepsBytes() {
        save(item("g1", "raw bytes, not JSON"));
        DaprStateProtos.GetStateResponse r = get("g1");
        assertThat(r.getData().toStringUtf8()).isEqualTo("raw bytes, not JSON");
        assertThat(r.getEtag()).isNotEmpty();
        dapr.deleteState(DaprStateProtos.DeleteStateRequest.newBuilder().setStoreName("statestore").setKey("g1").build());
        assertThat(get("g1").getData().isEmpty()).isTrue();
    }

    @Test
    void etagMismatchIsAborted() {
        save(item("g2", "1"));
        CommonProtos.StateItem stale = item("g2", "2").toBuilder()
                .setEtag(CommonProtos.Etag.newBuilder().setValue("12345")).build();
        assertThatThrownBy(() -> save(stale)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
        assertThat(get("g2").getData().toStringUtf8()).isEqualTo("1");
    }

    @Test
    void unknownStoreIsInvalidArgumentWithErrorInfo() {
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> dapr.getState(DaprStateProtos.GetStateRequest.newBuilder().setStoreName("nope").setKey("k").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).isNotNull();
        assertThat(status.getDetailsList()).anySatisfy(any -> {
            try {
                ErrorInfo info = any.unpack(ErrorInfo.class);
                assertThat(info.getReason()).isEqualTo("DAPR_STATE_NOT_FOUND");
                assertThat(info.getDomain()).isEqualTo("dapr.io");
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
            }
        });
    }

    @Test
    void bulkGetReportsMissingKeysAndTransactionsApplyInOrder() {
        dapr.executeStateTransaction(DaprStateProtos.ExecuteStateTransactionRequest.newBuilder().setStoreName("statestore")
                .addOperations(DaprStateProtos.TransactionalStateOperation.newBuilder().setOperationType("upsert").setRequest(item("t1", "a")))
                .addOperations(DaprStateProtos.TransactionalStateOperation.newBuilder().setOperationType("upsert").setRequest(item("t2", "b")))
                .addOperations(DaprStateProtos.TransactionalStateOperation.newBuilder().setOperationType("delete").setRequest(item("t2", "")))
                .build());
        DaprStateProtos.GetBulkStateResponse bulk = dapr.getBulkState(DaprStateProtos.GetBulkStateRequest.newBuilder()
                .setStoreName("statestore").addKeys("t1").addKeys("t2").build());
        assertThat(bulk.getItemsList()).extracting(DaprStateProtos.BulkStateItem::getKey).containsExactly("t1", "t2");
        assertThat(bulk.getItems(0).getData().toStringUtf8()).isEqualTo("a");
        assertThat(bulk.getItems(1).getData().isEmpty()).isTrue();
    }

    @Test
    void queryStateAlpha1ReturnsMatchesWithUserKeys() {
        save(item("qa", "{\"color\":\"red\"}"), item("qb", "{\"color\":\"blue\"}"));
        DaprStateProtos.QueryStateResponse r = dapr.queryStateAlpha1(DaprStateProtos.QueryStateRequest.newBuilder()
                .setStoreName("statestore").setQuery("{\"filter\":{\"EQ\":{\"color\":\"red\"}}}").build());
        assertThat(r.getResultsList()).singleElement().satisfies(i -> {
            assertThat(i.getKey()).isEqualTo("qa");
            assertThat(i.getData().toStringUtf8()).isEqualTo("{\"color\":\"red\"}");
        });
        assertThatThrownBy(() -> dapr.queryStateAlpha1(DaprStateProtos.QueryStateRequest.newBuilder()
                        .setStoreName("statestore").setQuery("{not json").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void illegalKeyIsInvalidArgument() {
        assertThatThrownBy(() -> save(item("a||b", "x"))).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void metadataListsComponentsWithCapabilities() {
        DaprMetadataProtos.GetMetadataResponse md = dapr.getMetadata(DaprMetadataProtos.GetMetadataRequest.getDefaultInstance());
        assertThat(md.getId()).isEqualTo("grpcapp");
        assertThat(md.getRegisteredComponentsList()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("statestore");
            assertThat(c.getCapabilitiesList()).contains("ETAG", "TRANSACTIONAL", "TTL", "ACTOR");
        });
    }
}
