package io.daprj.spi;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations the way Dapr's YAML and flags write them: Go's {@code time.ParseDuration} syntax
 * ({@code 300ms}, {@code 1h30m}, {@code 1.5s}), or a bare number meaning seconds.
 */
public final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {}

    /** @throws IllegalArgumentException naming the input when it is not a duration */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("-?\\d+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(s);
        long nanos = 0;
        int end = 0;
        while (m.lookingAt()) {
            double n = Double.parseDouble(m.group(1));
            nanos += (long) (n * unitNanos(m.group(2)));
            end = m.end();
            m.region(end, s.length());
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("invalid duration: '" + text + "'");
        }
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    /** Go's {@code Duration.String()} form, e.g. {@code 1m30s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long totalMillis = d.toMillis();
        if (Math.abs(totalMillis) < 1000 && d.toNanosPart() % 1_000_000 == 0) {
            return totalMillis + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long hours = d.toHours();
        if (hours != 0) {
            sb.append(hours).append('h');
        }
        int minutes = d.toMinutesPart();
        if (hours != 0 || minutes != 0) {
            sb.append(minutes).append('m');
        }
        int millis = d.toMillisPart();
        sb.append(d.toSecondsPart());
        if (millis != 0) {
            sb.append('.').append(String.format("%03d", millis).replaceAll("0+$", ""));
        }
        return sb.append('s').toString();
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
