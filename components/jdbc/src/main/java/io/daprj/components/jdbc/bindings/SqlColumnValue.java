package io.daprj.components.jdbc.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column of the current row as the value Go's {@code encoding/json} writes for what Dapr's drivers return:
 * numbers and booleans as JSON numbers and booleans, timestamps and dates as RFC 3339 strings (UTC, {@code Z}),
 * binary as base64, {@code json}/{@code jsonb} as embedded JSON, arrays as JSON arrays, everything else as text.
 */
final class SqlColumnValue {

    /** Go's {@code time.RFC3339Nano} in UTC: as many fraction digits as needed, none for whole seconds. */
    static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlColumnValue() {}

    /** The value of column {@code column} (1-based), or null for SQL NULL. */
    static Object of(ResultSet rows, int column) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        String typeName = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        Object value = switch (meta.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                 Types.DECIMAL, Types.NUMERIC, Types.BOOLEAN -> rows.getObject(column);
            case Types.BIT -> typeName.equals("bool") ? rows.getObject(column) : rows.getBytes(column);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(column);
            case Types.DATE -> date(rows.getObject(column, LocalDate.class));
            // PostgreSQL's driver reports timestamptz as TIMESTAMP
            case Types.TIMESTAMP -> typeName.equals("timestamptz")
                    ? instant(rows.getObject(column, OffsetDateTime.class))
                    : timestamp(rows.getObject(column, LocalDateTime.class));
            case Types.TIMESTAMP_WITH_TIMEZONE -> instant(rows.getObject(column, OffsetDateTime.class));
            case Types.ARRAY -> array(rows.getArray(column));
            default -> rows.getString(column);
        };
        if (value instanceof String text && (typeName.equals("json") || typeName.equals("jsonb"))) {
            return JSON.readTree(text);
        }
        return value;
    }

    private static String date(LocalDate date) {
        return date == null ? null : RFC3339_NANO.format(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static String timestamp(LocalDateTime time) {
        return time == null ? null : instant(time.atOffset(ZoneOffset.UTC));
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : RFC3339_NANO.format(time);
    }

    private static List<Object> array(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            out.add(element instanceof Number || element instanceof Boolean || element == null ? element
                    : element.toString());
        }
        return out;
    }
}
