package io.daprj.spi.crypto;

/** No key of that name in the provider (or, for {@code getKey}, no public part to give). */
public final class KeyNotFoundException extends RuntimeException {

    public KeyNotFoundException(String keyName) {
        super("key not found: " + keyName);
    }
}
