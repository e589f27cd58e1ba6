package io.daprj.runtime.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.runtime.errors.DaprError;
import io.daprj.spi.state.query.QueryFilter;
import io.daprj.spi.state.query.StateQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses Dapr's JSON state query ({@code {"filter":{...},"sort":[...],"page":{"limit","token"}}}); anything malformed
 * is 400 ERR_MALFORMED_REQUEST, as in daprd.
 */
public final class StateQueryParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateQueryParser() {}

    /** The query in {@code body}, limited to keys under {@code keyPrefix}. */
    public static StateQuery parse(byte[] body, String keyPrefix) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("the query is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed("the query must be a JSON object");
        }
        Optional<QueryFilter> filter = root.hasNonNull("filter") && !root.get("filter").isEmpty()
                ? Optional.of(filter(root.get("filter")))
                : Optional.empty();
        List<StateQuery.Sort> sort = new ArrayList<>();
        for (JsonNode s : root.path("sort")) {
            String key = s.path("key").asText("");
            String order = s.path("order").asText("ASC").toUpperCase(Locale.ROOT);
            if (key.isEmpty() || !(order.equals("ASC") || order.equals("DESC"))) {
                throw malformed("sort entries need a key and an order of ASC or DESC: " + s);
            }
            sort.add(new StateQuery.Sort(key, order.equals("DESC")));
        }
        JsonNode page = root.path("page");
        if (page.has("limit") && (!page.get("limit").canConvertToInt() || page.get("limit").asInt() < 0)) {
            throw malformed("page.limit must be a number >= 0");
        }
        String token = page.path("token").asText("");
        return new StateQuery(keyPrefix, filter, sort, page.path("limit").asInt(0),
                token.isEmpty() ? Optional.empty() : Optional.of(token));
    }

    private static QueryFilter filter(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw malformed("a filter must be an object with a single operator: " + node);
        }
        Map.Entry<String, JsonNode> op = node.properties().iterator().next();
        JsonNode arg = op.getValue();
        return switch (op.getKey()) {
            case "AND", "OR" -> {
                if (!arg.isArray() || arg.isEmpty()) {
                    throw malformed(op.getKey() + " needs a non-empty array of filters");
                }
                List<QueryFilter> parts = new ArrayList<>();
                arg.forEach(f -> parts.add(filter(f)));
                yield op.getKey().equals("AND") ? new QueryFilter.And(parts) : new QueryFilter.Or(parts);
            }
            case "IN" -> {
                Map.Entry<String, JsonNode> pair = single(op.getKey(), arg);
                if (!pair.getValue().isArray()) {
                    throw malformed("IN needs an array of values");
                }
                List<Object> values = new ArrayList<>();
                pair.getValue().forEach(v -> values.add(scalar(v)));
                yield new QueryFilter.In(pair.getKey(), values);
            }
            case "EQ", "NEQ", "GT", "GTE", "LT", "LTE" -> {
                Map.Entry<String, JsonNode> pair = single(op.getKey(), arg);
                yield new QueryFilter.Comparison(QueryFilter.Op.valueOf(op.getKey()), pair.getKey(), scalar(pair.getValue()));
            }
            default -> throw malformed("unsupported filter \"" + op.getKey() + "\"");
        };
    }

    private static Map.Entry<String, JsonNode> single(String op, JsonNode arg) {
        if (!arg.isObject() || arg.size() != 1) {
            throw malformed(op + " filter must contain a single key/value pair");
        }
        return arg.properties().iterator().next();
    }

    private static Object scalar(JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw malformed("filter values must be strings, numbers or booleans: " + v);
    }

    private static io.daprj.runtime.errors.DaprException malformed(String why) {
        return DaprError.ERR_MALFORMED_REQUEST.with("failed to parse JSON query body: " + why);
    }
}
