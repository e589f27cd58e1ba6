package io.daprj.spi.state;

/** The given ETag cannot be one this store produced (e.g. not a number for a store with numeric ETags). */
public class ETagInvalidException extends RuntimeException {

    public ETagInvalidException(String etag) {
        super("invalid etag value: " + etag);
    }
}
