package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dapr.client.DaprPreviewClient;
import io.dapr.client.domain.LockRequest;
import io.dapr.client.domain.UnlockRequest;
import io.dapr.client.domain.UnlockResponseStatus;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DaprPreviewClient.tryLock} / {@code unlock} (gRPC TryLockAlpha1, UnlockAlpha1) on the embedded default
 * {@code lockstore}: one owner at a time, Dapr's unlock statuses, expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkLockTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private DaprdProcess daprd;
    private DaprPreviewClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        daprd = DaprdProcess.builder("sdk-lock").daprjHome(workDir.resolve("home")).start();
        client = daprd.newPreviewClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
    }

    @Test
    void aHeldLockCannotBeTakenByAnotherOwnerUntilItsOwnerReleasesIt() {
        assertThat(client.tryLock(new LockRequest("lockstore", "order-1", "owner-a", 60)).block(CALL)).isTrue();
        assertThat(client.tryLock(new LockRequest("lockstore", "order-1", "owner-b", 60)).block(CALL)).isFalse();
        assertThat(client.unlock(new UnlockRequest("lockstore", "order-1", "owner-b")).block(CALL))
                .isEqualTo(UnlockResponseStatus.LOCK_BELONG_TO_OTHERS);
        assertThat(client.unlock(new UnlockRequest("lockstore", "order-1", "owner-a")).block(CALL))
                .isEqualTo(UnlockResponseStatus.SUCCESS);
        assertThat(client.tryLock(new LockRequest("lockstore", "order-1", "owner-b", 60)).block(CALL)).isTrue();
    }

    @Test
    void unlockingALockNobodyHoldsSaysItDoesNotExist() {
        assertThat(client.unlock(new UnlockRequest("lockstore", "never-taken", "owner-a")).block(CALL))
                .isEqualTo(UnlockResponseStatus.LOCK_UNEXIST);
    }

    @Test
    void anExpiredLockCanBeTakenAgain() {
        assertThat(client.tryLock(new LockRequest("lockstore", "short", "owner-a", 1)).block(CALL)).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.tryLock(new LockRequest("lockstore", "short", "owner-b", 60)).block(CALL));
    }

    @Test
    void anUnknownStoreIsAnError() {
        assertThatThrownBy(() -> client.tryLock(new LockRequest("nolocks", "r", "o", 10)).block(CALL))
                .isInstanceOf(io.dapr.exceptions.DaprException.class);
    }
}
