package io.daprj.spi.state;

/** The given ETag does not match the stored one, or first-write found the key already present. */
public class ETagMismatchException extends RuntimeException {

    public ETagMismatchException(String key) {
        super("possible etag mismatch. error from state store: etag mismatch for key " + key);
    }
}
