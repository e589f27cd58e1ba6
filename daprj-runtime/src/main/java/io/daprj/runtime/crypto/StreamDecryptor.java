package io.daprj.runtime.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a {@code dapr.io/enc/v1} document: collects the three header lines (at most 64 KiB), parses the
 * manifest, unwraps the file key through {@link KeyUnwrapper} and checks the header MAC, then opens 64 KiB + 16
 * byte segments in order. Each segment is authenticated before any of its plaintext is emitted; a truncated,
 * reordered or altered document fails at the first bad segment.
 */
final class StreamDecryptor extends SegmentedStream {

    /** Unwraps the file key; daprd's order of checks is kept, so a failure here surfaces as a MAC failure. */
    @FunctionalInterface
    interface KeyUnwrapper {
        byte[] unwrap(byte[] wrappedKey, String algorithm, String keyName);
    }

    private final KeyUnwrapper unwrapper;
    private final Optional<String> keyNameOverride;
    private ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(512);
    private FileKey key;
    private final byte[] plain = new byte[FileKey.SEGMENT_SIZE];
    private int seq;
    private int newlines;

    StreamDecryptor(KeyUnwrapper unwrapper, Optional<String> keyNameOverride) {
        super(FileKey.SEGMENT_SIZE + FileKey.TAG_SIZE);
        this.unwrapper = unwrapper;
        this.keyNameOverride = keyNameOverride;
    }

    @Override
    public void write(byte[] data, int offset, int length, ChunkSink out) {
        int pos = offset;
        int end = offset + length;
        if (key == null) {
            pos = readHeader(data, pos, end);
        }
        buffer(data, pos, end, out);
    }

    @Override
    public void finish(ChunkSink out) {
        if (key == null) {
            throw new SchemeException(headerBytes.size() == 0 ? "invalid header: scheme name not found"
                    : "invalid header: message authentication code not found");
        }
        emitRest(out);
    }

    /** True once the header was read and verified. */
    boolean headerVerified() {
        return key != null;
    }

    /** Consumes header bytes up to the third newline; returns where the payload starts (or {@code end}). */
    private int readHeader(byte[] data, int pos, int end) {
        for (int i = pos; i < end; i++) {
            headerBytes.write(data[i]);
            if (data[i] == '\n') {
                newlines++;
                if (newlines == 1) {
                    checkScheme(headerBytes.toByteArray());
                } else if (newlines == 3) {
                    verifyHeader(headerBytes.toByteArray());
                    headerBytes = null;
                    return i + 1;
                }
            }
            if (headerBytes.size() >= FileKey.SEGMENT_SIZE) {
                throw new SchemeException("invalid header: message authentication code not found");
            }
        }
        return end;
    }

    private static void checkScheme(byte[] firstLine) {
        String scheme = new String(firstLine, 0, firstLine.length - 1, StandardCharsets.UTF_8);
        if (!FileKey.SCHEME.equals(scheme)) {
            throw new SchemeException("invalid header: unsupported scheme");
        }
    }

    private void verifyHeader(byte[] header) {
        int first = indexOf(header, 0);
        int second = indexOf(header, first + 1);
        byte[] manifestJson = Arrays.copyOfRange(header, first + 1, second);
        byte[] mac = Arrays.copyOfRange(header, second + 1, header.length - 1);
        if (manifestJson.length == 0) {
            throw new SchemeException("invalid header: manifest not found");
        }
        if (mac.length == 0) {
            throw new SchemeException("invalid header: message authentication code not found");
        }
        Manifest manifest = Manifest.parse(manifestJson);
        String keyName = keyNameOverride.filter(k -> !k.isEmpty()).orElse(manifest.keyName());
        if (keyName.isEmpty()) {
            throw new SchemeException(
                    "document's manifest does not contain a key name, and no key name was provided");
        }
        byte[] fileKey;
        try {
            fileKey = unwrapper.unwrap(manifest.wrappedFileKey(), manifest.keyWrap().jwaName(), keyName);
        } catch (RuntimeException e) {
            fileKey = null;
        }
        if (fileKey == null || fileKey.length != FileKey.KEY_SIZE) {
            // as daprd: go on with a zero key, so the MAC check fails the same way whether or not the key exists
            fileKey = new byte[FileKey.KEY_SIZE];
        }
        FileKey candidate = new FileKey(fileKey, manifest.noncePrefix(), manifest.cipher());
        candidate.verifyHeader(manifestJson, mac);
        key = candidate;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void emit(boolean last, ChunkSink out) {
        int n = key.open(segment, filled, seq, last, plain);
        seq++;
        filled = 0;
        out.accept(plain, n);
    }
}
