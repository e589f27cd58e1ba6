package io.daprj.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes-style byte quantities as daprd's {@code --max-body-size} takes them: {@code 4Mi}, {@code 512k}, {@code 100}. */
final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]i?|[kKMGT]B?|B)?");

    private Quantity() {}

    static long parseBytes(String flag, String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + ": '" + text + "' (expected: a size such as 4Mi or 512Ki)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        boolean binary = unit.endsWith("i");
        long base = binary ? 1024 : 1000;
        long factor = switch (unit.isEmpty() ? ' ' : Character.toUpperCase(unit.charAt(0))) {
            case 'K' -> base;
            case 'M' -> base * base;
            case 'G' -> base * base * base;
            case 'T' -> base * base * base * base;
            default -> 1;
        };
        long bytes = (long) (n * factor);
        if (bytes <= 0) {
            throw new IllegalArgumentException(flag + ": '" + text + "' (expected: > 0)");
        }
        return bytes;
    }

}
