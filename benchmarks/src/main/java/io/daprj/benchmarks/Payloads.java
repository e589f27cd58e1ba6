package io.daprj.benchmarks;

import java.nio.charset.StandardCharsets;

/** The 1 KB bodies every scenario sends, as in Dapr's own perf tests. */
final class Payloads {

    static final int SIZE = 1024;
    /** 1 KB of opaque bytes, the invocation body. */
    static final byte[] BODY = "x".repeat(SIZE).getBytes(StandardCharsets.US_ASCII);
    /** A JSON string of exactly 1 KB, the state value (what an SDK would send for a 1022-character string). */
    static final String JSON_VALUE = '"' + "v".repeat(SIZE - 2) + '"';

    private Payloads() {}
}
