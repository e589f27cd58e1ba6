package io.daprj.runtime.http;

import io.daprj.runtime.configuration.ConfigurationApi;
import io.daprj.runtime.configuration.ConfigurationJson;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.spi.configuration.ConfigurationItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * daprd's configuration routes, under both {@code /v1.0} and {@code /v1.0-alpha1}: {@code GET configuration/{store}}
 * with repeated {@code key} parameters (200 items, 204 when none), {@code GET configuration/{store}/subscribe}
 * (200 {@code {"id"}}, changes posted to the app) and {@code GET configuration/{store}/{id}/unsubscribe}
 * (200 {@code {"ok":true}}, or 500 {@code {"ok":false,"message"}} when the store refuses).
 */
final class ConfigurationHttpRoutes {

    private final ConfigurationApi configuration;

    ConfigurationHttpRoutes(ConfigurationApi configuration) {
        this.configuration = configuration;
    }

    void register(ApiRouter router) {
        for (String version : List.of("v1.0", "v1.0-alpha1")) {
            String base = "/" + version + "/configuration/{storeName}";
            router.add(Set.of("GET"), base, this::get)
                    .add(Set.of("GET"), base + "/subscribe", this::subscribe)
                    .add(Set.of("GET"), base + "/{configurationSubscribeID}/unsubscribe", this::unsubscribe);
        }
    }

    private ApiResponse get(ApiRequest r) {
        Map<String, ConfigurationItem> items = configuration.get(r.param("storeName"), keys(r), r.metadata());
        return items.isEmpty() ? ApiResponse.noContent() : ApiResponse.json(200, ConfigurationJson.items(items));
    }

    private ApiResponse subscribe(ApiRequest r) {
        String id = configuration.subscribeForApp(r.param("storeName"), keys(r), r.metadata());
        return ApiResponse.json(200, Json.write(Map.of("id", id)));
    }

    private ApiResponse unsubscribe(ApiRequest r) {
        try {
            configuration.unsubscribe(r.param("storeName"), r.param("configurationSubscribeID"));
            return ApiResponse.json(200, Json.write(Map.of("ok", true)));
        } catch (DaprException e) {
            if (e.error() != DaprError.ERR_CONFIGURATION_UNSUBSCRIBE) {
                throw e;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", false);
            body.put("message", e.getMessage());
            return ApiResponse.json(500, Json.write(body));
        }
    }

    private static List<String> keys(ApiRequest r) {
        return r.query().getAll("key");
    }
}
