package io.daprj.runtime.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprLockProtos.TryLockRequest;
import io.dapr.v1.DaprLockProtos.UnlockRequest;
import io.dapr.v1.DaprLockProtos.UnlockResponse;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock API through both doors of one sidecar, on a {@code lock.sqlite} store: wire shapes and bad input. */
class LockDoorsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub grpc;

    @BeforeAll
    static void start() throws Exception {
        Path resources = TestSidecars.write(dir.resolve("resources"), "lock.yaml", """
                kind: Component
                metadata: {name: lockstore}
                spec:
                  type: lock.sqlite
                  version: v1
                  metadata:
                  - {name: connectionString, value: "%s"}
                """.formatted(dir.resolve("lock.db")));
        sidecar = Sidecar.start(TestSidecars.options("lockapp", resources, null));
        grpc = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    private static HttpResponse<String> post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource() {
        return "r-" + UUID.randomUUID();
    }

    private static TryLockRequest tryLock(String store, String resource, String owner, int expiry) {
        return TryLockRequest.newBuilder().setStoreName(store).setResourceId(resource).setLockOwner(owner)
                .setExpiryInSeconds(expiry).build();
    }

    private static UnlockRequest unlock(String resource, String owner) {
        return UnlockRequest.newBuilder().setStoreName("lockstore").setResourceId(resource).setLockOwner(owner).build();
    }

    @Test
    void httpTryLockAlwaysEmitsSuccessAndUnlockAnswersNumericStatus() {
        String r = resource();
        String lock = "{\"resourceId\":\"" + r + "\",\"lockOwner\":\"owner-1\",\"expiryInSeconds\":30}";
        HttpResponse<String> first = post("/v1.0-alpha1/lock/lockstore", lock);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"success\":true}");
        assertThat(post("/v1.0-alpha1/lock/lockstore", lock.replace("owner-1", "owner-2")).body())
                .isEqualTo("{\"success\":false}");
        assertThat(post("/v1.0-alpha1/unlock/lockstore", "{\"resourceId\":\"" + r + "\",\"lockOwner\":\"owner-2\"}").body())
                .isEqualTo("{\"status\":2}");
        HttpResponse<String> ok = post("/v1.0-alpha1/unlock/lockstore", "{\"resource_id\":\"" + r + "\",\"lock_owner\":\"owner-1\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"status\":0}");
        assertThat(post("/v1.0-alpha1/unlock/lockstore", "{\"resourceId\":\"" + r + "\",\"lockOwner\":\"owner-1\"}").body())
                .isEqualTo("{\"status\":1}");
    }

    @Test
    void httpBadInputIsDaprsError() {
        assertError(post("/v1.0-alpha1/lock/lockstore", "{\"resourceId\":\"r\",\"lockOwner\":\"\",\"expiryInSeconds\":5}"),
                400, "ERR_MALFORMED_REQUEST", "LockOwner is empty in lock store lockstore");
        assertError(post("/v1.0-alpha1/lock/lockstore", "{\"resourceId\":\"r\",\"lockOwner\":\"o\",\"expiryInSeconds\":0}"),
                400, "ERR_MALFORMED_REQUEST", "ExpiryInSeconds is not positive in lock store lockstore");
        assertError(post("/v1.0-alpha1/lock/lockstore", "{\"lockOwner\":\"o\",\"expiryInSeconds\":5}"),
                400, "ERR_MALFORMED_REQUEST", "ResourceId is empty");
        assertError(post("/v1.0-alpha1/lock/nostore", "{\"resourceId\":\"r\",\"lockOwner\":\"o\",\"expiryInSeconds\":5}"),
                400, "ERR_LOCK_STORE_NOT_FOUND", "lock store nostore not found");
        assertError(post("/v1.0-alpha1/unlock/nostore", "{\"resourceId\":\"r\",\"lockOwner\":\"o\"}"),
                400, "ERR_LOCK_STORE_NOT_FOUND", "lock store nostore not found");
        assertError(post("/v1.0-alpha1/lock/lockstore", "{\"resourceId\":\"r\""), 400, "ERR_MALFORMED_REQUEST", "");
        assertError(post("/v1.0-alpha1/lock/lockstore", "{\"resourceId\":\"a||b\",\"lockOwner\":\"o\",\"expiryInSeconds\":5}"),
                500, "ERR_TRY_LOCK", "can't contain '||'");
    }

    @Test
    void expiryAsAStringIsAcceptedLikeProtojson() {
        assertThat(post("/v1.0-alpha1/lock/lockstore",
                "{\"resourceId\":\"" + resource() + "\",\"lockOwner\":\"o\",\"expiryInSeconds\":\"30\"}").body())
                .isEqualTo("{\"success\":true}");
    }

    @Test
    void resourceIsStoredUnderDaprsAppIdPrefix() throws Exception {
        String r = resource();
        assertThat(grpc.tryLockAlpha1(tryLock("lockstore", r, "o", 30)).getSuccess()).isTrue();
        List<String> stored = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lock.db"));
                ResultSet rs = c.createStatement().executeQuery("SELECT resource FROM locks WHERE owner = 'o'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).contains("lock||lockapp||" + r);
    }

    @Test
    void grpcLockAndUnlockWithForeignOwner() {
        String r = resource();
        assertThat(grpc.tryLockAlpha1(tryLock("lockstore", r, "owner-1", 30)).getSuccess()).isTrue();
        assertThat(grpc.tryLockAlpha1(tryLock("lockstore", r, "owner-2", 30)).getSuccess()).isFalse();
        assertThat(grpc.unlockAlpha1(unlock(r, "owner-2")).getStatus()).isEqualTo(UnlockResponse.Status.LOCK_BELONGS_TO_OTHERS);
        assertThat(grpc.unlockAlpha1(unlock(r, "owner-1")).getStatus()).isEqualTo(UnlockResponse.Status.SUCCESS);
        assertThat(grpc.unlockAlpha1(unlock(r, "owner-1")).getStatus()).isEqualTo(UnlockResponse.Status.LOCK_DOES_NOT_EXIST);
    }

    @Test
    void grpcExpiredLockIsGoneAndFreeForOthers() throws InterruptedException {
        String r = resource();
        assertThat(grpc.tryLockAlpha1(tryLock("lockstore", r, "owner-1", 1)).getSuccess()).isTrue();
        Thread.sleep(1_200);
        assertThat(grpc.unlockAlpha1(unlock(r, "owner-1")).getStatus()).isEqualTo(UnlockResponse.Status.LOCK_DOES_NOT_EXIST);
        assertThat(grpc.tryLockAlpha1(tryLock("lockstore", r, "owner-2", 30)).getSuccess()).isTrue();
    }

    @Test
    void grpcBadInputIsInvalidArgumentWithTheErrorCode() {
        assertGrpcError(() -> grpc.tryLockAlpha1(tryLock("lockstore", "r", "", 5)), Status.Code.INVALID_ARGUMENT,
                "ERR_MALFORMED_REQUEST");
        assertGrpcError(() -> grpc.tryLockAlpha1(tryLock("lockstore", "r", "o", 0)), Status.Code.INVALID_ARGUMENT,
                "ERR_MALFORMED_REQUEST");
        assertGrpcError(() -> grpc.tryLockAlpha1(tryLock("nostore", "r", "o", 5)), Status.Code.INVALID_ARGUMENT,
                "ERR_LOCK_STORE_NOT_FOUND");
        assertGrpcError(() -> grpc.unlockAlpha1(UnlockRequest.newBuilder().setStoreName("lockstore").setLockOwner("o").build()),
                Status.Code.INVALID_ARGUMENT, "ERR_MALFORMED_REQUEST");
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"errorCode\":\"" + code + "\"").contains(message);
    }

    private static void assertGrpcError(Runnable call, Status.Code code, String errorCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            ErrorInfo info = StatusProto.fromThrowable(e).getDetailsList().stream()
                    .filter(d -> d.is(ErrorInfo.class)).map(d -> {
                        try {
                            return d.unpack(ErrorInfo.class);
                        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }).findFirst().orElseThrow();
            assertThat(info.getMetadataMap()).containsEntry("errorCode", errorCode);
        });
    }
}
