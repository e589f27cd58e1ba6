package io.daprj.runtime.crypto;

/**
 * Cuts input into segments of a fixed size. A full segment is handed on only once more input arrives, so the
 * final segment — even a full one — is known to be last when {@link CryptoStream#finish} hands it on.
 */
abstract class SegmentedStream implements CryptoStream {

    protected final byte[] segment;
    protected int filled;

    SegmentedStream(int segmentSize) {
        this.segment = new byte[segmentSize];
    }

    /** Processes the {@link #filled} bytes of {@link #segment}, then empties it. */
    protected abstract void emit(boolean last, ChunkSink out);

    /** Buffers {@code data[pos, end)}, emitting each full segment that more bytes follow. */
    protected final void buffer(byte[] data, int pos, int end, ChunkSink out) {
        while (pos < end) {
            if (filled == segment.length) {
                emit(false, out);
            }
            int n = Math.min(end - pos, segment.length - filled);
            System.arraycopy(data, pos, segment, filled, n);
            filled += n;
            pos += n;
        }
    }

    /** Emits what is buffered as the last segment, if anything is. */
    protected final void emitRest(ChunkSink out) {
        if (filled > 0) {
            emit(true, out);
        }
    }
}
