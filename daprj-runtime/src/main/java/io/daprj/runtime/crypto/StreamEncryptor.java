package io.daprj.runtime.crypto;

/**
 * Writes a {@code dapr.io/enc/v1} document: the signed header, then the plaintext cut into 64 KiB segments, each
 * sealed with its sequence number; the final segment (possibly full) carries the last-segment flag. An empty
 * plaintext gives the header alone. A full segment is sealed only once more input arrives, so the last one is known.
 */
final class StreamEncryptor extends SegmentedStream {

    private final FileKey key;
    private final byte[] header;
    private final byte[] sealed = new byte[FileKey.SEGMENT_SIZE + FileKey.TAG_SIZE];
    private int seq;
    private boolean headerSent;

    StreamEncryptor(FileKey key, byte[] header) {
        super(FileKey.SEGMENT_SIZE);
        this.key = key;
        this.header = header;
    }

    @Override
    public void write(byte[] data, int offset, int length, ChunkSink out) {
        sendHeader(out);
        buffer(data, offset, offset + length, out);
    }

    @Override
    public void finish(ChunkSink out) {
        sendHeader(out);
        emitRest(out);
    }

    private void sendHeader(ChunkSink out) {
        if (!headerSent) {
            headerSent = true;
            out.accept(header, header.length);
        }
    }

    @Override
    protected void emit(boolean last, ChunkSink out) {
        if (seq == -1) {
            throw new SchemeException("input stream is too large");
        }
        int n = key.seal(segment, filled, seq, last, sealed);
        seq++;
        filled = 0;
        out.accept(sealed, n);
    }
}
