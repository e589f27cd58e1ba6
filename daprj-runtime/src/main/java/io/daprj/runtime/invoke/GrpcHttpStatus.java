package io.daprj.runtime.invoke;

import io.grpc.Status.Code;

/** grpc-gateway's mapping between gRPC codes and HTTP statuses, which daprd uses across protocols. */
public final class GrpcHttpStatus {

    private GrpcHttpStatus() {}

    public static int toHttp(Code code) {
        return switch (code) {
            case OK -> 200;
            case CANCELLED -> 499;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case DEADLINE_EXCEEDED -> 504;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case PERMISSION_DENIED -> 403;
            case UNAUTHENTICATED -> 401;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
    }

    public static Code fromHttp(int status) {
        return switch (status) {
            case 200 -> Code.OK;
            case 400 -> Code.INVALID_ARGUMENT;
            case 401 -> Code.UNAUTHENTICATED;
            case 403 -> Code.PERMISSION_DENIED;
            case 404 -> Code.NOT_FOUND;
            case 409 -> Code.ABORTED;
            case 429 -> Code.RESOURCE_EXHAUSTED;
            case 499 -> Code.CANCELLED;
            case 501 -> Code.UNIMPLEMENTED;
            case 503 -> Code.UNAVAILABLE;
            case 504 -> Code.DEADLINE_EXCEEDED;
            default -> status >= 200 && status < 300 ? Code.OK : status < 500 ? Code.FAILED_PRECONDITION : Code.INTERNAL;
        };
    }
}
