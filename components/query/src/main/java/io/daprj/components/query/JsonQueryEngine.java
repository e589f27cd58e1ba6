package io.daprj.components.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.state.query.QueryFilter;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.StateQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Filters, sorts and pages candidate rows by their JSON values. Rows whose value is not a JSON object never match.
 * Without a sort, rows come in key order so that pages are stable; the page token is the offset of the next page.
 */
public final class JsonQueryEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Row(QueryResponse.Item item, JsonNode value) {}

    private JsonQueryEngine() {}

    /** Runs {@code query} over {@code candidates} (already limited to the query's key prefix and live rows). */
    public static QueryResponse run(StateQuery query, List<QueryResponse.Item> candidates) {
        int offset = offset(query.token());
        List<Row> rows = new ArrayList<>();
        for (QueryResponse.Item item : candidates) {
            JsonNode value = parse(item.data());
            if (value != null && value.isObject() && query.filter().map(f -> JsonFilters.matches(f, value)).orElse(true)) {
                rows.add(new Row(item, value));
            }
        }
        rows.sort(order(query.sort()));
        int from = Math.min(offset, rows.size());
        int to = query.limit() == 0 ? rows.size() : Math.min(rows.size(), from + query.limit());
        List<QueryResponse.Item> page = rows.subList(from, to).stream().map(Row::item).toList();
        Optional<String> next = to < rows.size() ? Optional.of(Integer.toString(to)) : Optional.empty();
        return new QueryResponse(page, next);
    }

    private static Comparator<Row> order(List<StateQuery.Sort> sort) {
        Comparator<Row> order = (a, b) -> 0;
        for (StateQuery.Sort s : sort) {
            Comparator<Row> bySort = (a, b) -> JsonFilters.compareForSort(
                    JsonFilters.at(a.value(), s.key()), JsonFilters.at(b.value(), s.key()));
            order = order.thenComparing(s.descending() ? bySort.reversed() : bySort);
        }
        return order.thenComparing(r -> r.item().key());
    }

    private static int offset(Optional<String> token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(token.get());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid query token: " + token.get());
        }
    }

    private static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }
}
