package io.daprj.runtime.crypto;

/**
 * One encryption or decryption in progress, fed in chunks of any size. Memory stays bounded (one segment);
 * output reaches the sink one authenticated segment at a time. Not thread safe: one caller feeds it in order.
 */
public interface CryptoStream {

    /** Takes the next {@code length} input bytes; may emit output to {@code out}. */
    void write(byte[] data, int offset, int length, ChunkSink out);

    /** Ends the input and emits what is left; fails when the input was truncated or tampered with. */
    void finish(ChunkSink out);
}
