package io.daprj.components.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.spi.state.query.QueryFilter;
import java.math.BigDecimal;

/** Evaluates one filter tree against one JSON value; numbers compare as numbers, strings as strings. */
final class JsonFilters {

    private JsonFilters() {}

    static boolean matches(QueryFilter filter, JsonNode value) {
        return switch (filter) {
            case QueryFilter.And and -> and.filters().stream().allMatch(f -> matches(f, value));
            case QueryFilter.Or or -> or.filters().stream().anyMatch(f -> matches(f, value));
            case QueryFilter.In in -> in.values().stream().anyMatch(v -> equal(at(value, in.key()), v));
            case QueryFilter.Comparison c -> compare(c, at(value, c.key()));
        };
    }

    private static boolean compare(QueryFilter.Comparison c, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        return switch (c.op()) {
            case EQ -> equal(actual, c.value());
            case NEQ -> !equal(actual, c.value());
            default -> {
                Integer order = order(actual, c.value());
                yield order != null && switch (c.op()) {
                    case GT -> order > 0;
                    case GTE -> order >= 0;
                    case LT -> order < 0;
                    default -> order <= 0;
                };
            }
        };
    }

    /** The node at a dot-separated path, or null. */
    static JsonNode at(JsonNode value, String path) {
        JsonNode node = value;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() ? null : node;
    }

    private static boolean equal(JsonNode actual, Object expected) {
        Integer order = order(actual, expected);
        return order != null && order == 0;
    }

    /** The order of {@code actual} against {@code expected}, or null when they are not comparable. */
    private static Integer order(JsonNode actual, Object expected) {
        if (actual == null) {
            return null;
        }
        if (expected instanceof BigDecimal n && actual.isNumber()) {
            return actual.decimalValue().compareTo(n);
        }
        if (expected instanceof String s && actual.isTextual()) {
            return actual.textValue().compareTo(s);
        }
        if (expected instanceof Boolean b && actual.isBoolean()) {
            return Boolean.compare(actual.booleanValue(), b);
        }
        return null;
    }

    /** Sort order: missing values last, numbers before strings, then natural order. */
    static int compareForSort(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isNumber() != b.isNumber()) {
            return a.isNumber() ? -1 : 1;
        }
        return a.asText().compareTo(b.asText());
    }
}
