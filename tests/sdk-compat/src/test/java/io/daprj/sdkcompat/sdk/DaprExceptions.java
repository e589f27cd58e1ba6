package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dapr.exceptions.DaprErrorDetails;
import io.dapr.exceptions.DaprException;
import io.dapr.utils.TypeRef;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How a sidecar error looks to an SDK user: a {@link DaprException}. */
final class DaprExceptions {

    private DaprExceptions() {}

    /**
     * Asserts a gRPC call failed with {@code grpcCode} (the SDK's error code for gRPC errors) and a
     * {@code google.rpc.ErrorInfo} detail whose reason is {@code reason}.
     */
    static DaprException assertGrpcError(ThrowingCallable call, String grpcCode, String reason) {
        DaprException[] caught = new DaprException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DaprException.class, e -> {
            assertThat(e.getErrorCode()).as("gRPC code of %s", e.getMessage()).isEqualTo(grpcCode);
            assertThat(reasonOf(e)).as("ErrorInfo reason of %s", e.getMessage()).isEqualTo(reason);
            caught[0] = e;
        });
        return caught[0];
    }

    /**
     * Asserts a gRPC call failed with {@code grpcCode} whatever its details, for errors daprd raises as legacy
     * {@code APIError}s (secrets, query parsing), which carry no {@code google.rpc.ErrorInfo}.
     */
    static DaprException assertGrpcCode(ThrowingCallable call, String grpcCode) {
        DaprException[] caught = new DaprException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DaprException.class, e -> {
            assertThat(e.getErrorCode()).as("gRPC code of %s", e.getMessage()).isEqualTo(grpcCode);
            caught[0] = e;
        });
        return caught[0];
    }

    /** Asserts an HTTP call (invocation) failed with the sidecar's {@code errorCode} and HTTP status. */
    static DaprException assertHttpError(ThrowingCallable call, int httpStatus, String errorCode) {
        DaprException[] caught = new DaprException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DaprException.class, e -> {
            assertThat(e.getHttpStatusCode()).as("HTTP status of %s", e.getMessage()).isEqualTo(httpStatus);
            assertThat(e.getErrorCode()).as("errorCode of %s", e.getMessage()).isEqualTo(errorCode);
            caught[0] = e;
        });
        return caught[0];
    }

    static String reasonOf(DaprException e) {
        Object reason = e.getErrorDetails().get(DaprErrorDetails.ErrorDetailType.ERROR_INFO, "reason", TypeRef.STRING);
        return reason == null ? null : reason.toString();
    }
}
