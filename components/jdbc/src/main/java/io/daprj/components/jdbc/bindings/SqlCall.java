package io.daprj.components.jdbc.bindings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One statement and the values of its placeholders, in order.
 *
 * @param sql the statement
 * @param params the values (may hold nulls)
 */
public record SqlCall(String sql, List<?> params) {

    public SqlCall {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }
}
