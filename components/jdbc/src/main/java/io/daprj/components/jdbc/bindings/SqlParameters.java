package io.daprj.components.jdbc.bindings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * Binds the values of a {@code params} JSON array to a statement's placeholders, in order: strings, numbers and
 * booleans as themselves, null as SQL NULL, a nested array or object as its JSON text (for a json column).
 */
final class SqlParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlParameters() {}

    static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int index = i + 1;
            switch (value) {
                case null -> statement.setNull(index, Types.NULL);
                case String s -> statement.setString(index, s);
                case List<?> l -> statement.setString(index, json(l));
                case Map<?, ?> m -> statement.setString(index, json(m));
                default -> statement.setObject(index, value);
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value read from JSON is JSON again", e);
        }
    }
}
