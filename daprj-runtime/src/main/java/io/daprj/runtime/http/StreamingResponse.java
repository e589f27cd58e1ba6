package io.daprj.runtime.http;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpResponseWriter;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import io.daprj.runtime.crypto.ChunkSink;
import java.io.ByteArrayOutputStream;

/**
 * The 200 {@code application/octet-stream} answer of a crypto stream: holds output until
 * {@link CryptoHttpService#COMMIT_BYTES} are ready, then sends headers and chunks, with at most
 * {@value #IN_FLIGHT} chunks not yet taken by the connection, so that a slow reader slows the stream instead of
 * filling the heap.
 */
final class StreamingResponse implements ChunkSink {

    static final int IN_FLIGHT = 8;

    private final HttpResponseWriter res;
    private final java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Void>> unconsumed = new java.util.ArrayDeque<>();
    private ByteArrayOutputStream held = new ByteArrayOutputStream();

    StreamingResponse(HttpResponseWriter res) {
        this.res = res;
    }

    boolean committed() {
        return held == null;
    }

    @Override
    public void accept(byte[] buffer, int length) {
        if (held != null) {
            held.write(buffer, 0, length);
            if (held.size() >= CryptoHttpService.COMMIT_BYTES) {
                commit();
            }
            return;
        }
        send(HttpData.copyOf(buffer, 0, length));
    }

    /** Sends what is held (if anything is) and ends the response. */
    void complete() {
        if (held != null) {
            commit();
        }
        res.close();
    }

    private void commit() {
        res.write(ResponseHeaders.builder(HttpStatus.OK).contentType(MediaType.OCTET_STREAM).build());
        byte[] bytes = held.toByteArray();
        held = null;
        if (bytes.length > 0) {
            send(HttpData.wrap(bytes));
        }
    }

    private void send(HttpData data) {
        if (!res.tryWrite(data)) {
            throw new IllegalStateException("the client closed the connection");
        }
        unconsumed.add(res.whenConsumed());
        if (unconsumed.size() > IN_FLIGHT) {
            unconsumed.poll().join();
        }
    }
}
