package io.daprj.spi.crypto;

/** A crypto operation was refused or failed: unsupported algorithm, wrong key type, bad input or failed authentication. */
public final class CryptoOperationException extends RuntimeException {

    public CryptoOperationException(String message) {
        super(message);
    }

    public CryptoOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
