package io.daprj.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.lock.LockApi;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1.0-alpha1/lock/{store}} and {@code POST /v1.0-alpha1/unlock/{store}}. Bodies are read as daprd's
 * protojson does: camelCase or proto field names, unknown fields ignored, an empty body is an empty request.
 * Answers always carry {@code success}, and {@code status} as a number.
 */
final class LockHttpRoutes {

    private final LockApi lock;

    LockHttpRoutes(LockApi lock) {
        this.lock = lock;
    }

    void register(ApiRouter router) {
        router.add(Set.of("POST"), "/v1.0-alpha1/lock/{storeName}", this::tryLock)
                .add(Set.of("POST"), "/v1.0-alpha1/unlock/{storeName}", this::unlock);
    }

    private ApiResponse tryLock(ApiRequest r) {
        JsonNode body = body(r);
        boolean success = lock.tryLock(r.param("storeName"), text(body, "resourceId", "resource_id"),
                text(body, "lockOwner", "lock_owner"), number(body, "expiryInSeconds", "expiry_in_seconds"));
        return ApiResponse.json(200, Json.write(Map.of("success", success)));
    }

    private ApiResponse unlock(ApiRequest r) {
        JsonNode body = body(r);
        var status = lock.unlock(r.param("storeName"), text(body, "resourceId", "resource_id"),
                text(body, "lockOwner", "lock_owner"));
        return ApiResponse.json(200, Json.write(Map.of("status", status.number())));
    }

    private static JsonNode body(ApiRequest r) {
        JsonNode body = r.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.parse(r.body());
        if (!body.isObject()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: expected a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String name, String protoName) {
        JsonNode value = field(body, name, protoName);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + name + ": " + value
                    + " (expected: a string)");
        }
        return value.asText();
    }

    /** An int32 as protojson takes it: a JSON integer or a string holding one. */
    private static long number(JsonNode body, String name, String protoName) {
        JsonNode value = field(body, name, protoName);
        if (value == null) {
            return 0;
        }
        try {
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            if (value.isTextual()) {
                return Integer.parseInt(value.asText().trim());
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw DaprError.ERR_MALFORMED_REQUEST.with("failed deserializing HTTP body: " + name + ": " + value
                + " (expected: an int32)");
    }

    private static JsonNode field(JsonNode body, String name, String protoName) {
        JsonNode value = body.has(name) ? body.get(name) : body.get(protoName);
        return value == null || value.isNull() ? null : value;
    }
}
