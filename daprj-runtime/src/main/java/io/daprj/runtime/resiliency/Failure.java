package io.daprj.runtime.resiliency;

/**
 * How one attempt failed, as far as retries and circuit breakers care.
 *
 * @param kind what the code means
 * @param code the HTTP or gRPC status code for {@link Kind#HTTP} and {@link Kind#GRPC}, else 0
 */
public record Failure(Kind kind, int code) {

    /** An error with no status code (I/O, a store's exception, a timeout, an open breaker): always retriable. */
    public static final Failure OTHER = new Failure(Kind.OTHER, 0);

    /** The caller's own mistake (bad request, ETag mismatch): never retried, not a backend failure. */
    public static final Failure PERMANENT = new Failure(Kind.PERMANENT, 0);

    /** Kinds of failure. */
    public enum Kind {
        HTTP, GRPC, OTHER, PERMANENT
    }

    public static Failure http(int status) {
        return new Failure(Kind.HTTP, status);
    }

    public static Failure grpc(int code) {
        return new Failure(Kind.GRPC, code);
    }

    /**
     * What a component's exception means: the request's own fault (bad arguments, a Dapr 4xx, an ETag conflict) is
     * {@link #PERMANENT}; anything else (the backend is down, slow or failing) is {@link #OTHER}.
     */
    public static Failure ofComponentError(RuntimeException e) {
        if (e instanceof io.daprj.runtime.errors.DaprException d) {
            return d.httpStatus() >= 400 && d.httpStatus() < 500 ? PERMANENT : OTHER;
        }
        if (e instanceof IllegalArgumentException
                || e instanceof io.daprj.spi.state.ETagMismatchException
                || e instanceof io.daprj.spi.state.ETagInvalidException
                || (e instanceof io.daprj.spi.state.BulkStateException bulk && bulk.allETagMismatches())) {
            return PERMANENT;
        }
        return OTHER;
    }
}
