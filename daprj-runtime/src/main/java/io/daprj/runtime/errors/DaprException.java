package io.daprj.runtime.errors;

import io.grpc.Status.Code;

/**
 * A failure with a Dapr error code. Building-block APIs throw it; {@link ErrorResponses} writes it to the wire.
 * The HTTP and gRPC status default to the catalogue's and may be overridden (e.g. 409 for an ETag mismatch).
 */
public final class DaprException extends RuntimeException {

    private final DaprError error;
    private final int httpStatus;
    private final Code grpcCode;

    DaprException(DaprError error, String message) {
        this(error, message, error.httpStatus(), error.grpcCode(), null);
    }

    DaprException(DaprError error, String message, int httpStatus, Code grpcCode, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
    }

    public DaprError error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Code grpcCode() {
        return grpcCode;
    }
}
