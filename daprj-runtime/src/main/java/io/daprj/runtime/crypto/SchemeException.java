package io.daprj.runtime.crypto;

/** A {@code dapr.io/enc/v1} document could not be written or read; the message is daprd's wording. */
final class SchemeException extends RuntimeException {

    SchemeException(String message) {
        super(message);
    }

    SchemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
