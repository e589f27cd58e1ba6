package io.daprj.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers every benchmark message and completes its future when a subscriber receives it. A message is a 1 KB JSON
 * object {@code {"seq":N,"pad":"…"}}; the subscriber finds {@code seq} in whatever it received (the payload itself,
 * or the CloudEvent around it), so one tracker serves the direct and the sidecar path. A message received twice
 * (at-least-once) counts once. Thread safe.
 */
final class PubSubDeliveries {

    /** A message to publish and the future its delivery completes. */
    record Pending(long seq, byte[] payload, CompletableFuture<Void> delivered) {}

    private static final byte[] SEQ_FIELD = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong next = new AtomicLong();
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    Pending next() {
        long seq = next.incrementAndGet();
        String head = "{\"seq\":" + seq + ",\"pad\":\"";
        String json = head + "p".repeat(Payloads.SIZE - head.length() - 2) + "\"}";
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        waiting.put(seq, delivered);
        return new Pending(seq, json.getBytes(StandardCharsets.US_ASCII), delivered);
    }

    /** Completes the future of the message in {@code received}; ignores what carries no number of a pending one. */
    void received(byte[] received) {
        long seq = seqOf(received);
        if (seq > 0) {
            CompletableFuture<Void> delivered = waiting.remove(seq);
            if (delivered != null) {
                delivered.complete(null);
            }
        }
    }

    /** Stops waiting for messages still undelivered (after a run); returns how many there were. */
    int abandonPending() {
        int count = waiting.size();
        waiting.clear();
        return count;
    }

    static long seqOf(byte[] bytes) {
        int at = indexOf(bytes, SEQ_FIELD);
        if (at < 0) {
            return -1;
        }
        long seq = 0;
        for (int i = at + SEQ_FIELD.length; i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            seq = seq * 10 + (bytes[i] - '0');
        }
        return seq;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "PubSubDeliveries[next=" + next.get() + ", waiting=" + Arrays.toString(waiting.keySet().toArray()) + "]";
    }
}
