package io.daprj.runtime.pubsub;

import io.daprj.runtime.pubsub.RouteExpression.Binary;
import io.daprj.runtime.pubsub.RouteExpression.Field;
import io.daprj.runtime.pubsub.RouteExpression.Literal;
import io.daprj.runtime.pubsub.RouteExpression.Logical;
import io.daprj.runtime.pubsub.RouteExpression.Not;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive descent over the CEL subset of {@link RouteExpression}: or → and → unary → comparison → primary. */
final class RouteExpressionParser {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<=", ">=", "<", ">");
    private static final Set<String> METHODS = Set.of("startsWith", "endsWith", "contains");

    private final String text;
    private int pos;

    RouteExpressionParser(String text) {
        this.text = text;
    }

    RouteExpression parse() {
        RouteExpression e = or();
        skipSpaces();
        if (pos < text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return e;
    }

    private RouteExpression or() {
        RouteExpression left = and();
        while (accept("||")) {
            left = new Logical(false, left, and());
        }
        return left;
    }

    private RouteExpression and() {
        RouteExpression left = unary();
        while (accept("&&")) {
            left = new Logical(true, left, unary());
        }
        return left;
    }

    private RouteExpression unary() {
        if (!peek("!=") && accept("!")) {
            return new Not(unary());
        }
        RouteExpression left = primary();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (accept(op)) {
                return new Binary(op, left, primary());
            }
        }
        return left;
    }

    private RouteExpression primary() {
        skipSpaces();
        if (accept("(")) {
            RouteExpression inner = or();
            expect(")");
            return methods(inner);
        }
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return methods(new Literal(string(c)));
        }
        if (Character.isDigit(c) || c == '-') {
            int start = pos++;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return new Literal(new BigDecimal(text.substring(start, pos)));
        }
        String name = identifier();
        return switch (name) {
            case "true" -> new Literal(true);
            case "false" -> new Literal(false);
            case "event" -> methods(field());
            default -> throw error("unknown name '" + name + "' (expected: event, true, false)");
        };
    }

    private RouteExpression field() {
        List<String> path = new ArrayList<>();
        while (peek(".")) {
            int mark = pos;
            accept(".");
            String name = identifier();
            if (peek("(")) {
                pos = mark; // a method call on the field so far
                break;
            }
            path.add(name);
        }
        return new Field(List.copyOf(path));
    }

    private RouteExpression methods(RouteExpression target) {
        RouteExpression e = target;
        while (accept(".")) {
            String method = identifier();
            if (!METHODS.contains(method)) {
                throw error("unsupported function '" + method + "' (supported: " + METHODS + ")");
            }
            expect("(");
            RouteExpression argument = or();
            expect(")");
            e = new Binary(method, e, argument);
        }
        return e;
    }

    private String string(char quote) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        expect(String.valueOf(quote));
        return sb.toString();
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name at '" + text.substring(pos) + "'");
        }
        return text.substring(start, pos);
    }

    private boolean peek(String token) {
        skipSpaces();
        return text.startsWith(token, pos);
    }

    private boolean accept(String token) {
        if (peek(token) && !(COMPARISONS.contains(token) && token.length() == 1 && text.startsWith("=", pos + 1))) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("match expression '" + text + "': " + what
                + " (daprj supports a subset of CEL: event fields, literals, == != < <= > >=, && || !, "
                + "startsWith/endsWith/contains)");
    }
}
