package io.daprj.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Reproducible random request parts (from one seeded {@link Random}): path parameters, queries, bodies, headers. */
final class RandomRequests {

    private static final String[] NASTY = {"..%2F", "%00", "||", "%", "%C3%28", "%FF", "%2e%2e/", "//", "%u2215", "\\", "%0D%0A", "?", "#",
        "%2F", "{", "}", ";"};
    private static final String[] QUERY_KEYS = {"metadata.ttlInSeconds", "metadata.rawPayload", "metadata.contentType", "consistency",
        "concurrency", "metadata.cloudevent.id", "metadata.maxBulkPubBytes", "appid", "metadata.partitionKey", "metadata."};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/octet-stream",
        "application/cloudevents+json", "application/json; charset=latin1", "garbage/", ";;;"};
    private static final String[] HEADERS = {"If-Match", "Content-Type", "traceparent", "baggage", "dapr-app-id", "Expect"};
    private static final String ALPHABET = "{}[]\":,0123456789-.eEtrufalsn \\/";

    private final Random random;

    RandomRequests(Random random) {
        this.random = random;
    }

    /** A path segment: safe characters, random escaped bytes and known-nasty sequences. */
    String pathParam() {
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(3)) {
                case 0 -> b.append((char) ('a' + random.nextInt(26)));
                case 1 -> b.append('%').append("%02X".formatted(random.nextInt(256)));
                default -> b.append(NASTY[random.nextInt(NASTY.length)]);
            }
        }
        return b.toString();
    }

    String query() {
        if (random.nextBoolean()) {
            return "";
        }
        return "?" + QUERY_KEYS[random.nextInt(QUERY_KEYS.length)] + "=" + pathParam();
    }

    /** Random bytes, a mutation of {@code sample}, a sample with random JSON-ish inserts, or nothing. */
    byte[] body(String sample) {
        return switch (random.nextInt(4)) {
            case 0 -> bytes(random.nextInt(2000));
            case 1 -> mutate(sample.getBytes(StandardCharsets.UTF_8));
            case 2 -> insertTokens(sample);
            default -> new byte[0];
        };
    }

    String[] headers() {
        return switch (random.nextInt(3)) {
            case 0 -> new String[0];
            case 1 -> new String[] {"Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]};
            default -> new String[] {HEADERS[random.nextInt(HEADERS.length)], pathParam()};
        };
    }

    /** Bytes that are not an HTTP request, or one mangled at a random place. */
    byte[] garbage() {
        if (random.nextBoolean()) {
            return bytes(1 + random.nextInt(300));
        }
        return mutate("POST /v1.0/state/statestore HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]".getBytes(StandardCharsets.ISO_8859_1));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] mutate(byte[] in) {
        byte[] out = in.clone();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private byte[] insertTokens(String sample) {
        StringBuilder b = new StringBuilder(sample);
        int inserts = 1 + random.nextInt(3);
        for (int i = 0; i < inserts; i++) {
            int at = random.nextInt(b.length() + 1);
            b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
