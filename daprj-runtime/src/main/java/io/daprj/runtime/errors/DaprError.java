package io.daprj.runtime.errors;

import io.grpc.Status.Code;

/**
 * Dapr error codes with the HTTP and gRPC status daprd gives them ({@code pkg/messages/errorcodes},
 * {@code pkg/api/errors}). {@code reason} is the ErrorInfo reason of Dapr's rich errors, empty for legacy ones.
 */
public enum DaprError {
    // state
    ERR_STATE_STORE_NOT_FOUND(400, Code.INVALID_ARGUMENT, "DAPR_STATE_NOT_FOUND"),
    ERR_STATE_STORE_NOT_CONFIGURED(500, Code.FAILED_PRECONDITION, "DAPR_STATE_NOT_CONFIGURED"),
    ERR_STATE_STORE_NOT_SUPPORTED(500, Code.UNIMPLEMENTED, "DAPR_STATE_TRANSACTIONS_NOT_SUPPORTED"),
    ERR_STATE_QUERYING_NOT_SUPPORTED("ERR_STATE_STORE_NOT_SUPPORTED", 500, Code.INTERNAL, "DAPR_STATE_QUERYING_NOT_SUPPORTED"),
    ERR_STATE_STORE_TOO_MANY_TRANSACTIONS(400, Code.INVALID_ARGUMENT, "DAPR_STATE_TOO_MANY_TRANSACTIONS"),
    ERR_STATE_ILLEGAL_KEY("ERR_MALFORMED_REQUEST", 400, Code.INVALID_ARGUMENT, "DAPR_STATE_ILLEGAL_KEY"),
    ERR_STATE_QUERY(500, Code.INTERNAL, "DAPR_STATE_QUERY_FAILED"),
    ERR_STATE_GET(500, Code.INTERNAL, ""),
    ERR_STATE_BULK_GET(500, Code.INTERNAL, ""),
    ERR_STATE_SAVE(500, Code.INTERNAL, ""),
    ERR_STATE_DELETE(500, Code.INTERNAL, ""),
    ERR_STATE_BULK_DELETE(500, Code.INTERNAL, ""),
    ERR_STATE_TRANSACTION(500, Code.INTERNAL, ""),
    ERR_NOT_SUPPORTED_STATE_OPERATION(400, Code.INVALID_ARGUMENT, ""),
    // secrets
    ERR_SECRET_STORES_NOT_CONFIGURED(500, Code.FAILED_PRECONDITION, ""),
    ERR_SECRET_STORE_NOT_FOUND(401, Code.INVALID_ARGUMENT, ""),
    ERR_PERMISSION_DENIED(403, Code.PERMISSION_DENIED, ""),
    ERR_SECRET_GET(500, Code.INTERNAL, ""),
    // pub/sub
    ERR_PUBSUB_EMPTY(404, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_NAME_EMPTY"),
    ERR_PUBSUB_NOT_FOUND(404, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_NOT_FOUND"),
    ERR_PUBSUB_NOT_CONFIGURED(400, Code.FAILED_PRECONDITION, "DAPR_PUBSUB_NOT_CONFIGURED"),
    ERR_TOPIC_NAME_EMPTY(404, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_TOPIC_NAME_EMPTY"),
    ERR_PUBSUB_FORBIDDEN(403, Code.PERMISSION_DENIED, "DAPR_PUBSUB_FORBIDDEN"),
    ERR_PUBSUB_PUBLISH_MESSAGE(500, Code.INTERNAL, "DAPR_PUBSUB_PUBLISH_MESSAGE"),
    ERR_PUBSUB_REQUEST_METADATA(400, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_METADATA_DESERIALIZATION"),
    ERR_PUBSUB_CLOUD_EVENTS_SER(500, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_CLOUD_EVENT_CREATION"),
    ERR_PUBSUB_EVENTS_SER(400, Code.INVALID_ARGUMENT, "DAPR_PUBSUB_UNMARSHAL_EVENTS"),
    // distributed lock
    ERR_LOCK_STORE_NOT_CONFIGURED(500, Code.FAILED_PRECONDITION, ""),
    ERR_LOCK_STORE_NOT_FOUND(400, Code.INVALID_ARGUMENT, ""),
    ERR_TRY_LOCK(500, Code.INTERNAL, ""),
    ERR_UNLOCK(500, Code.INTERNAL, ""),
    // configuration (gRPC codes from daprd's gRPC API; HTTP statuses from its HTTP API)
    ERR_CONFIGURATION_STORE_NOT_CONFIGURED(500, Code.FAILED_PRECONDITION, ""),
    ERR_CONFIGURATION_STORE_NOT_FOUND(400, Code.INVALID_ARGUMENT, ""),
    ERR_CONFIGURATION_GET(500, Code.INTERNAL, ""),
    ERR_CONFIGURATION_SUBSCRIBE(500, Code.INVALID_ARGUMENT, ""),
    ERR_CONFIGURATION_UNSUBSCRIBE(500, Code.INTERNAL, ""),
    // cryptography
    ERR_CRYPTO(500, Code.INTERNAL, ""),
    ERR_CRYPTO_KEY(500, Code.INTERNAL, ""),
    ERR_CRYPTO_PROVIDER_NOT_FOUND(400, Code.INVALID_ARGUMENT, ""),
    ERR_CRYPTO_PROVIDERS_NOT_CONFIGURED(500, Code.INTERNAL, ""),
    // bindings
    ERR_INVOKE_OUTPUT_BINDING(500, Code.INTERNAL, ""),
    // jobs (rich errors whose errorCode is the reason)
    DAPR_SCHEDULER_SCHEDULE_JOB(500, Code.INTERNAL, "DAPR_SCHEDULER_SCHEDULE_JOB"),
    DAPR_SCHEDULER_JOB_NAME(400, Code.INVALID_ARGUMENT, "DAPR_SCHEDULER_JOB_NAME"),
    DAPR_SCHEDULER_JOB_NAME_EMPTY(400, Code.INVALID_ARGUMENT, "DAPR_SCHEDULER_JOB_NAME_EMPTY"),
    DAPR_SCHEDULER_EMPTY(400, Code.INVALID_ARGUMENT, "DAPR_SCHEDULER_EMPTY"),
    DAPR_SCHEDULER_SCHEDULE_EMPTY(400, Code.INVALID_ARGUMENT, "DAPR_SCHEDULER_SCHEDULE_EMPTY"),
    DAPR_SCHEDULER_GET_JOB(500, Code.INTERNAL, "DAPR_SCHEDULER_GET_JOB"),
    DAPR_SCHEDULER_LIST_JOBS(500, Code.INTERNAL, "DAPR_SCHEDULER_LIST_JOBS"),
    DAPR_SCHEDULER_DELETE_JOB(500, Code.INTERNAL, "DAPR_SCHEDULER_DELETE_JOB"),
    // service invocation
    ERR_DIRECT_INVOKE(500, Code.INTERNAL, ""),
    ERR_APP_CHANNEL_NIL(500, Code.INTERNAL, ""),
    // health
    ERR_HEALTH_NOT_READY(500, Code.INTERNAL, ""),
    ERR_HEALTH_APPID_NOT_MATCH(500, Code.INTERNAL, ""),
    ERR_OUTBOUND_HEALTH_NOT_READY(500, Code.INTERNAL, ""),
    // generic
    ERR_MALFORMED_REQUEST(400, Code.INVALID_ARGUMENT, ""),
    ERR_BAD_REQUEST(400, Code.INVALID_ARGUMENT, ""),
    ERR_BODY_READ(400, Code.INVALID_ARGUMENT, ""),
    ERR_API_UNIMPLEMENTED(501, Code.UNIMPLEMENTED, ""),
    ERR_INTERNAL(500, Code.INTERNAL, ""),
    ERROR(500, Code.UNKNOWN, "");

    private final String code;
    private final int httpStatus;
    private final Code grpcCode;
    private final String reason;

    DaprError(int httpStatus, Code grpcCode, String reason) {
        this(null, httpStatus, grpcCode, reason);
    }

    DaprError(String code, int httpStatus, Code grpcCode, String reason) {
        this.code = code == null ? name() : code;
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
        this.reason = reason;
    }

    /** The {@code errorCode} on the wire; two entries may share one (e.g. ERR_MALFORMED_REQUEST). */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Code grpcCode() {
        return grpcCode;
    }

    /** The ErrorInfo reason, or empty for errors daprd sends without rich details. */
    public String reason() {
        return reason;
    }

    /** A new exception with this code and message. */
    public DaprException with(String message) {
        return new DaprException(this, message);
    }

    /** A new exception with this code and message, and the HTTP and gRPC status overridden. */
    public DaprException with(String message, int httpStatus, Code grpcCode) {
        return new DaprException(this, message, httpStatus, grpcCode, null);
    }
}
