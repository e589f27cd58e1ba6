package io.daprj.components.jdbc.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two shapes in which Dapr's SQL bindings answer {@code query}; column values as {@link SqlColumnValue}. */
public final class SqlRowsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlRowsJson() {}

    /**
     * {@code bindings.postgresql}'s shape: an array of rows, each an array of column values in column order
     * ({@code []} without rows).
     */
    public static byte[] arrays(ResultSet rows) throws SQLException, IOException {
        List<List<Object>> out = new ArrayList<>();
        while (rows != null && rows.next()) {
            int columns = rows.getMetaData().getColumnCount();
            List<Object> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(SqlColumnValue.of(rows, c));
            }
            out.add(row);
        }
        return JSON.writeValueAsBytes(out);
    }

    /**
     * {@code bindings.mysql}'s shape: an array of rows, each an object keyed by column label that leaves out NULL
     * columns; {@code null} (not {@code []}) without rows, as Go marshals an empty slice it never appended to.
     */
    public static byte[] objects(ResultSet rows) throws SQLException, IOException {
        List<Map<String, Object>> out = null;
        while (rows != null && rows.next()) {
            int columns = rows.getMetaData().getColumnCount();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= columns; c++) {
                Object value = SqlColumnValue.of(rows, c);
                if (value != null) {
                    row.put(rows.getMetaData().getColumnLabel(c), value);
                }
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(row);
        }
        return JSON.writeValueAsBytes(out);
    }
}
