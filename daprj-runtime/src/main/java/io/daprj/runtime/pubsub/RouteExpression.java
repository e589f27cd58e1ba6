package io.daprj.runtime.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A compiled routing-rule {@code match}. Dapr evaluates these with CEL; daprj evaluates a documented subset of CEL
 * over the variable {@code event} (the CloudEvent): field paths ({@code event.data.kind}), string, number and
 * boolean literals, {@code == != < <= > >=}, {@code && || !}, parentheses, and the string methods
 * {@code startsWith}, {@code endsWith}, {@code contains}. Anything else is refused when the subscription loads. As in
 * CEL, a missing field is an error (the delivery fails) unless {@code &&}/{@code ||} are decided by the other side.
 */
sealed interface RouteExpression {

    /** Compiles {@code text}. @throws IllegalArgumentException naming what is not supported */
    static RouteExpression compile(String text) {
        return new RouteExpressionParser(text).parse();
    }

    /** The value of this expression for {@code event}. @throws RouteEvaluationException on a missing field or bad type */
    Object eval(JsonNode event);

    /** True when the rule matches; a non-boolean result is an evaluation error. */
    default boolean matches(JsonNode event) {
        Object v = eval(event);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new RouteEvaluationException("the match expression did not give a boolean but " + v);
    }

    /** A failure to evaluate; the message says what was missing or mistyped. */
    final class RouteEvaluationException extends RuntimeException {
        RouteEvaluationException(String message) {
            super(message);
        }
    }

    record Literal(Object value) implements RouteExpression {
        @Override
        public Object eval(JsonNode event) {
            return value;
        }
    }

    /** {@code event.a.b}: {@code path} holds a, b. */
    record Field(List<String> path) implements RouteExpression {
        @Override
        public Object eval(JsonNode event) {
            JsonNode node = event;
            for (String name : path) {
                if (!node.isObject() || !node.has(name)) {
                    throw new RouteEvaluationException("no such key: " + name);
                }
                node = node.get(name);
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node;
        }
    }

    record Not(RouteExpression operand) implements RouteExpression {
        @Override
        public Object eval(JsonNode event) {
            return !new Binary("==", operand, new Literal(true)).truth(event);
        }
    }

    record Logical(boolean and, RouteExpression left, RouteExpression right) implements RouteExpression {
        @Override
        public Object eval(JsonNode event) {
            RuntimeException failure = null;
            for (RouteExpression side : List.of(left, right)) {
                try {
                    if (side.matches(event) != and) {
                        return !and; // one false side decides &&, one true side decides ||
                    }
                } catch (RouteEvaluationException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return and;
        }
    }

    record Binary(String op, RouteExpression left, RouteExpression right) implements RouteExpression {
        @Override
        public Object eval(JsonNode event) {
            Object a = left.eval(event);
            Object b = right.eval(event);
            return switch (op) {
                case "==" -> equal(a, b);
                case "!=" -> !equal(a, b);
                case "startsWith" -> text(a).startsWith(text(b));
                case "endsWith" -> text(a).endsWith(text(b));
                case "contains" -> text(a).contains(text(b));
                default -> compare(op, a, b);
            };
        }

        boolean truth(JsonNode event) {
            return (Boolean) eval(event);
        }

        private static boolean equal(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a.getClass() != b.getClass()) {
                throw new RouteEvaluationException("no such overload: " + a + " == " + b);
            }
            return a.equals(b);
        }

        private static boolean compare(String op, Object a, Object b) {
            int c;
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                c = x.compareTo(y);
            } else if (a instanceof String x && b instanceof String y) {
                c = x.compareTo(y);
            } else {
                throw new RouteEvaluationException("no such overload: " + a + " " + op + " " + b);
            }
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }

        private static String text(Object v) {
            if (v instanceof String s) {
                return s;
            }
            throw new RouteEvaluationException("no such overload: expected a string, got " + v);
        }
    }
}
