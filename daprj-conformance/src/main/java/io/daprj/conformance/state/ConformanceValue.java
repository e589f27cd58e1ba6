package io.daprj.conformance.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Random;

/**
 * A value the suite round-trips, after the value kinds of Dapr's state conformance: ints, bools, raw bytes, JSON
 * objects and strings, plain strings and empty values. Stores must keep the bytes exactly.
 *
 * @param name shown as the parameterised test's name
 */
public record ConformanceValue(String name, byte[] bytes) {

    /** Every value kind, including bytes that are not UTF-8 and a value large enough to cross page boundaries. */
    public static final List<ConformanceValue> ALL = List.of(
            text("int", "123"),
            text("negative int", "-9007199254740993"),
            text("bool", "true"),
            new ConformanceValue("non-UTF-8 bytes", new byte[] {0x00, (byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x01,
                    (byte) 0xc3, 0x28, 0x7f}),
            text("JSON object", "{\"name\":\"daprj\",\"list\":[1,2.5,null],\"nested\":{\"ok\":true}}"),
            text("JSON string", "\"hello\""),
            text("plain string with emoji", "hello, wörld ⏱️ 🚀"),
            text("string with NUL", "a\u0000b"),
            new ConformanceValue("empty", new byte[0]),
            new ConformanceValue("256 KiB random bytes", random(256 * 1024)));

    public ConformanceValue {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return name;
    }

    private static ConformanceValue text(String name, String text) {
        return new ConformanceValue(name, text.getBytes(UTF_8));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }
}
