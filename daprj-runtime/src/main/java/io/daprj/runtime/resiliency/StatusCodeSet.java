package io.daprj.runtime.resiliency;

import java.util.ArrayList;
import java.util.List;

/**
 * The status codes of a retry policy's {@code matching.httpStatusCodes} or {@code matching.gRPCStatusCodes}: a
 * comma-separated list of codes and inclusive ranges ({@code "429,500-599"}). Empty means every error matches.
 */
public final class StatusCodeSet {

    /** Matches every code: the default when the field is absent or empty. */
    public static final StatusCodeSet ALL = new StatusCodeSet(List.of());

    private final List<int[]> ranges;

    private StatusCodeSet(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /**
     * Parses {@code text}, each code within {@code [min, max]}.
     *
     * @throws IllegalArgumentException for a malformed entry or a code out of bounds
     */
    public static StatusCodeSet parse(String text, int min, int max) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            int dash = entry.indexOf('-');
            int from = code(dash < 0 ? entry : entry.substring(0, dash), min, max, text);
            int to = dash < 0 ? from : code(entry.substring(dash + 1), min, max, text);
            if (to < from) {
                throw new IllegalArgumentException("invalid status code range '" + entry + "' in '" + text + "'");
            }
            ranges.add(new int[] {from, to});
        }
        return new StatusCodeSet(List.copyOf(ranges));
    }

    public boolean contains(int code) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (int[] range : ranges) {
            if (code >= range[0] && code <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static int code(String text, int min, int max, String whole) {
        try {
            int code = Integer.parseInt(text.trim());
            if (code < min || code > max) {
                throw new IllegalArgumentException("status code " + code + " in '" + whole + "' is outside " + min + "-" + max);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid status code '" + text.trim() + "' in '" + whole + "'");
        }
    }
}
