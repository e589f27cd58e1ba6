package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.state.StateApi;
import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.Concurrency;
import io.daprj.spi.state.Consistency;
import io.daprj.spi.state.DeleteRequest;
import io.daprj.spi.state.GetRequest;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateOperation;
import io.daprj.spi.state.StateOptions;
import io.daprj.spi.state.query.QueryResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1.0/state/...}: get, save, delete, bulk get, transaction (and query, which no store here supports). */
final class StateHttpRoutes {

    private static final Set<String> POST_PUT = Set.of("POST", "PUT");

    private final StateApi state;

    StateHttpRoutes(StateApi state) {
        this.state = state;
    }

    void register(ApiRouter router) {
        router.add(POST_PUT, "/v1.0/state/{storeName}/bulk", this::bulkGet)
                .add(POST_PUT, "/v1.0/state/{storeName}/transaction", this::transaction)
                .add(POST_PUT, "/v1.0-alpha1/state/{storeName}/query", this::query)
                .add(Set.of("GET"), "/v1.0/state/{storeName}/{key}", this::get)
                .add(Set.of("DELETE"), "/v1.0/state/{storeName}/{key}", this::delete)
                .add(POST_PUT, "/v1.0/state/{storeName}", this::save);
    }

    private ApiResponse get(ApiRequest req) {
        Consistency consistency = consistency(req.query().get("consistency"));
        Optional<StateItem> item = state.get(req.param("storeName"), new GetRequest(req.param("key"), req.metadata(), consistency));
        if (item.isEmpty()) {
            return ApiResponse.noContent();
        }
        StateItem it = item.get();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        it.etag().ifPresent(e -> headers.add(Map.entry("etag", e)));
        it.metadata().forEach((k, v) -> headers.add(Map.entry("metadata." + k, v)));
        return ApiResponse.of(200, it.data(), it.contentType().orElse("application/json"), headers);
    }

    private ApiResponse save(ApiRequest req) {
        JsonNode body = Json.parse(req.body());
        if (!body.isArray()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: expected a JSON array of state items");
        }
        Map<String, String> queryMetadata = req.metadata();
        List<SetRequest> items = new ArrayList<>();
        for (JsonNode item : body) {
            items.add(setRequest(item, queryMetadata));
        }
        state.save(req.param("storeName"), items);
        return ApiResponse.noContent();
    }

    private ApiResponse delete(ApiRequest req) {
        String ifMatch = req.headers().get("if-match");
        StateOptions options = options(req.query().get("concurrency"), req.query().get("consistency"));
        state.delete(req.param("storeName"), new DeleteRequest(req.param("key"), nonEmpty(ifMatch), req.metadata(), options));
        return ApiResponse.noContent();
    }

    private ApiResponse bulkGet(ApiRequest req) {
        JsonNode body = Json.parse(req.body());
        Map<String, String> metadata = new HashMap<>(req.metadata());
        metadata.putAll(stringMap(body.path("metadata")));
        List<GetRequest> gets = new ArrayList<>();
        for (JsonNode key : body.path("keys")) {
            gets.add(new GetRequest(text(key, "keys"), metadata, Consistency.EVENTUAL));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (BulkGetItem item : state.bulkGet(req.param("storeName"), gets)) {
            ObjectNode o = out.addObject();
            o.put("key", item.key());
            item.item().ifPresent(it -> {
                writeData(o, it.data());
                it.etag().ifPresent(e -> o.put("etag", e));
                if (!it.metadata().isEmpty()) {
                    ObjectNode m = o.putObject("metadata");
                    it.metadata().forEach(m::put);
                }
            });
            item.error().ifPresent(e -> o.put("error", e));
        }
        return ApiResponse.json(200, Json.write(out));
    }

    private ApiResponse transaction(ApiRequest req) {
        JsonNode body = Json.parse(req.body());
        Map<String, String> metadata = new HashMap<>(req.metadata());
        metadata.putAll(stringMap(body.path("metadata")));
        List<StateOperation> ops = new ArrayList<>();
        for (JsonNode op : body.path("operations")) {
            String type = op.path("operation").asText("");
            JsonNode request = op.path("request");
            ops.add(switch (type) {
                case "upsert" -> setRequest(request, Map.of());
                case "delete" -> new DeleteRequest(key(request), etag(request), stringMap(request.path("metadata")),
                        options(request.path("options").path("concurrency").asText(null),
                                request.path("options").path("consistency").asText(null)));
                default -> throw DaprError.ERR_NOT_SUPPORTED_STATE_OPERATION.with("operation type " + type + " not supported");
            });
        }
        state.transact(req.param("storeName"), ops, metadata);
        return ApiResponse.noContent();
    }

    private ApiResponse query(ApiRequest req) {
        QueryResponse response = state.query(req.param("storeName"), req.body(), req.metadata());
        if (response.results().isEmpty()) {
            return ApiResponse.noContent();
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (QueryResponse.Item item : response.results()) {
            ObjectNode o = results.addObject().put("key", item.key());
            writeData(o, item.data());
            item.etag().ifPresent(e -> o.put("etag", e));
        }
        response.token().ifPresent(t -> out.put("token", t));
        return ApiResponse.json(200, Json.write(out));
    }

    private static SetRequest setRequest(JsonNode item, Map<String, String> queryMetadata) {
        Map<String, String> metadata = new HashMap<>(queryMetadata);
        metadata.putAll(stringMap(item.path("metadata")));
        JsonNode value = item.get("value");
        byte[] bytes = Json.write(value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
        JsonNode options = item.path("options");
        return new SetRequest(key(item), bytes, etag(item), metadata,
                options(options.path("concurrency").asText(null), options.path("consistency").asText(null)),
                nonEmpty(item.path("contentType").asText(null)));
    }

    private static String key(JsonNode item) {
        String key = item.has("key") && !item.get("key").isNull() ? text(item.get("key"), "key") : "";
        if (key.isEmpty()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: a state item has no key");
        }
        return key;
    }

    private static Optional<String> etag(JsonNode item) {
        JsonNode etag = item.get("etag");
        return etag == null || etag.isNull() ? Optional.empty() : nonEmpty(text(etag, "etag"));
    }

    /** A field daprd decodes into a Go string: any other JSON type fails its decoding, as here. */
    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: json: cannot unmarshal "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " into field " + field
                    + " of type string");
        }
        return node.asText();
    }

    /** JSON data is embedded as is; anything else (bytes saved over gRPC) as a base64 string. */
    private static void writeData(ObjectNode o, byte[] data) {
        if (Json.isJson(data)) {
            o.set("data", Json.parse(data));
        } else {
            o.put("data", Base64.getEncoder().encodeToString(data));
        }
    }

    static StateOptions options(String concurrency, String consistency) {
        Concurrency c = switch (concurrency == null ? "" : concurrency) {
            case "", "last-write" -> Concurrency.LAST_WRITE;
            case "first-write" -> Concurrency.FIRST_WRITE;
            default -> throw DaprError.ERR_MALFORMED_REQUEST.with("invalid concurrency: '" + concurrency
                    + "' (expected: first-write or last-write)");
        };
        return new StateOptions(c, consistency(consistency));
    }

    static Consistency consistency(String consistency) {
        return switch (consistency == null ? "" : consistency) {
            case "", "eventual" -> Consistency.EVENTUAL;
            case "strong" -> Consistency.STRONG;
            default -> throw DaprError.ERR_MALFORMED_REQUEST.with("invalid consistency: '" + consistency
                    + "' (expected: eventual or strong)");
        };
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), text(e.getValue(), "metadata." + e.getKey())));
        }
        return map;
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
