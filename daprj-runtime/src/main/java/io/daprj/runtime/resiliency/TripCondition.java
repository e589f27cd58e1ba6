package io.daprj.runtime.resiliency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A circuit breaker's {@code trip} expression over its counts, e.g. {@code consecutiveFailures > 5}. Dapr evaluates
 * it as CEL; daprj accepts the forms its users write: comparisons of {@code requests}, {@code totalSuccesses},
 * {@code totalFailures}, {@code consecutiveSuccesses}, {@code consecutiveFailures} with an integer, joined by
 * {@code &&} (binding tighter) and {@code ||}. Anything else is refused when the policy loads.
 */
public final class TripCondition {

    private static final Pattern COMPARISON =
            Pattern.compile("\\s*\\(?\\s*(\\w+)\\s*(>=|<=|==|!=|>|<)\\s*(\\d+)\\s*\\)?\\s*");

    /** Dapr's default: {@code consecutiveFailures > 5}. */
    public static final TripCondition DEFAULT = parse("consecutiveFailures > 5");

    private final String text;
    private final List<List<Comparison>> anyOfAll;

    private TripCondition(String text, List<List<Comparison>> anyOfAll) {
        this.text = text;
        this.anyOfAll = anyOfAll;
    }

    /** The counts of a breaker in the current interval (gobreaker's {@code Counts}). */
    public record Counts(long requests, long totalSuccesses, long totalFailures, long consecutiveSuccesses,
            long consecutiveFailures) {}

    private record Comparison(String counter, String op, long value) {
        boolean test(Counts c) {
            long actual = switch (counter) {
                case "requests" -> c.requests();
                case "totalsuccesses" -> c.totalSuccesses();
                case "totalfailures" -> c.totalFailures();
                case "consecutivesuccesses" -> c.consecutiveSuccesses();
                default -> c.consecutiveFailures();
            };
            return switch (op) {
                case ">" -> actual > value;
                case ">=" -> actual >= value;
                case "<" -> actual < value;
                case "<=" -> actual <= value;
                case "==" -> actual == value;
                default -> actual != value;
            };
        }
    }

    /** @throws IllegalArgumentException for an expression outside the accepted forms */
    public static TripCondition parse(String text) {
        List<List<Comparison>> anyOf = new ArrayList<>();
        for (String disjunct : text.split("\\|\\|")) {
            List<Comparison> allOf = new ArrayList<>();
            for (String conjunct : disjunct.split("&&")) {
                Matcher m = COMPARISON.matcher(conjunct);
                String counter = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
                if (!List.of("requests", "totalsuccesses", "totalfailures", "consecutivesuccesses", "consecutivefailures")
                        .contains(counter)) {
                    throw new IllegalArgumentException("unsupported circuit breaker trip expression '" + text + "'");
                }
                allOf.add(new Comparison(counter, m.group(2), Long.parseLong(m.group(3))));
            }
            anyOf.add(List.copyOf(allOf));
        }
        return new TripCondition(text.trim(), List.copyOf(anyOf));
    }

    public boolean test(Counts counts) {
        for (List<Comparison> allOf : anyOfAll) {
            if (allOf.stream().allMatch(c -> c.test(counts))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
