package io.daprj.runtime.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.daprj.runtime.bindings.BindingsApi;
import io.daprj.runtime.bindings.OutputResult;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.ErrorResponses;
import io.daprj.runtime.tracing.Tracing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST|PUT /v1.0/bindings/{name}} with body {@code {"data","metadata","operation"}}. {@code data} is sent to
 * the component re-encoded as JSON the way Go's {@code json.Marshal} writes it (object keys sorted, {@code <>&}
 * escaped), so a JSON string keeps its quotes; response metadata comes back as {@code metadata.<key>} headers.
 */
final class BindingsHttpRoutes {

    private static final ObjectMapper GO_JSON = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                    .characterEscapes(new HtmlSafeEscapes()).build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "baggage");

    private final BindingsApi bindings;
    private final String appId;

    BindingsHttpRoutes(BindingsApi bindings, String appId) {
        this.bindings = bindings;
        this.appId = appId;
    }

    void register(ApiRouter router) {
        router.add(Set.of("POST", "PUT"), "/v1.0/bindings/{name}", this::invoke);
    }

    private ApiResponse invoke(ApiRequest r) {
        JsonNode body = Json.parse(r.body());
        if (!body.isObject()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: expected a JSON object");
        }
        JsonNode op = body.path("operation");
        if (!op.isMissingNode() && !op.isNull() && !op.isTextual()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: operation must be a string");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode md = body.path("metadata");
        if (!md.isMissingNode() && !md.isNull()) {
            if (!md.isObject()) {
                throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: metadata must be an object of strings");
            }
            for (var e : md.properties()) {
                if (!e.getValue().isTextual()) {
                    throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: metadata value of '"
                            + e.getKey() + "' must be a string");
                }
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        for (String h : TRACE_HEADERS) {
            String value = r.headers().get(h);
            if (value != null && !value.isEmpty()) {
                metadata.put(h, value);
            }
        }
        // with tracing on, the binding continues the API call's span rather than the caller's
        Tracing.currentTraceParent().ifPresent(t -> metadata.put("traceparent", t));
        Tracing.currentTraceState().ifPresent(t -> metadata.put("tracestate", t));
        OutputResult result = bindings.invoke(r.param("name"), op.asText(""), goJson(body.path("data")), metadata);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        result.metadata().forEach((k, v) -> headers.add(Map.entry("metadata." + k, v)));
        if (result.failure().isPresent()) {
            var e = result.failure().get();
            return ApiResponse.of(e.httpStatus(), ErrorResponses.httpBody(e, appId), "application/json", headers);
        }
        return result.data()
                .map(data -> ApiResponse.of(200, data, "application/json", headers))
                .orElseGet(() -> new ApiResponse(204, headers, new byte[0], ""));
    }

    /** {@code data} as Go re-marshals a decoded {@code interface{}}; absent data is {@code null}. */
    static byte[] goJson(JsonNode data) {
        try {
            Object value = data.isMissingNode() ? null : Json.MAPPER.treeToValue(data, Object.class);
            return GO_JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + e.getMessage());
        }
    }

    /** Go's encoder escapes {@code <}, {@code >} and {@code &} for safe embedding in HTML. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
        }
    }
}
