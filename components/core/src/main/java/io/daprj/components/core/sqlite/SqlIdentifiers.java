package io.daprj.components.core.sqlite;

import java.util.regex.Pattern;

/** Table names go into SQL text (JDBC cannot bind them), so only plain identifiers are accepted. */
public final class SqlIdentifiers {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]+");

    private SqlIdentifiers() {}

    /** @throws IllegalArgumentException naming {@code field} unless {@code name} is letters, digits and '_' */
    public static String requirePlain(String field, String name) {
        if (!PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "metadata field '" + field + "': '" + name + "' (expected: letters, digits and '_' only)");
        }
        return name;
    }
}
