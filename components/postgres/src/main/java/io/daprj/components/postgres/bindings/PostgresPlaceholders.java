package io.daprj.components.postgres.bindings;

import io.daprj.components.jdbc.bindings.SqlCall;
import io.daprj.spi.bindings.BindingInvokeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns PostgreSQL's numbered placeholders ({@code $1}, which Dapr's pgx sends to the server as they are) into the
 * JDBC driver's {@code ?}, with the parameters in the order of their use; a literal {@code ?} (a jsonb operator)
 * becomes {@code ??} so the driver keeps it. String literals, quoted identifiers, comments and dollar-quoted bodies
 * are left alone.
 */
final class PostgresPlaceholders {

    private PostgresPlaceholders() {}

    static SqlCall toJdbc(SqlCall call) {
        String sql = call.sql();
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> params = new ArrayList<>();
        int highest = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int digits = i + 1;
                while (digits < sql.length() && Character.isDigit(sql.charAt(digits))) {
                    digits++;
                }
                int n = Integer.parseInt(sql.substring(i + 1, digits));
                highest = Math.max(highest, n);
                params.add(n <= call.params().size() ? call.params().get(n - 1) : null);
                out.append('?');
                i = digits;
            } else {
                out.append(c == '?' ? "??" : String.valueOf(c));
                i++;
            }
        }
        if (highest > call.params().size() || highest == 0 && !call.params().isEmpty()) {
            throw new BindingInvokeException("error executing query: expected " + highest + " arguments, got "
                    + call.params().size(), Map.of());
        }
        return new SqlCall(out.toString(), params);
    }

    /** The index after the quoted text, comment or dollar-quoted body starting at {@code i}; {@code i} if none. */
    private static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            boolean tag = j < sql.length() && sql.charAt(j) == '$'
                    && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)));
            if (tag) {
                String delimiter = sql.substring(i, j + 1);
                int close = sql.indexOf(delimiter, j + 1);
                return close < 0 ? sql.length() : close + delimiter.length();
            }
        }
        return i;
    }
}
