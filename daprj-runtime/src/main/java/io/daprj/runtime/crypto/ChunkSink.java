package io.daprj.runtime.crypto;

/** Receives output of a stream encryptor or decryptor; the array is reused after the call returns, so copy it. */
@FunctionalInterface
public interface ChunkSink {

    void accept(byte[] buffer, int length);
}
