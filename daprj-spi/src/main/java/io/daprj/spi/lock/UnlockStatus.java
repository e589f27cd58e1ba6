package io.daprj.spi.lock;

/** What an unlock did, with the numbers Dapr puts on the wire ({@code UnlockResponse.Status}). */
public enum UnlockStatus {
    SUCCESS(0),
    LOCK_DOES_NOT_EXIST(1),
    LOCK_BELONGS_TO_OTHERS(2),
    INTERNAL_ERROR(3);

    private final int number;

    UnlockStatus(int number) {
        this.number = number;
    }

    /** The wire number: HTTP {@code {"status":N}} and the gRPC enum value. */
    public int number() {
        return number;
    }
}
