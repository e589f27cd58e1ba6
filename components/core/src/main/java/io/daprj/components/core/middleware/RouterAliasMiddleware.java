package io.daprj.components.core.middleware;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code middleware.http.routeralias}: {@code routes} (a JSON or YAML map) sends a request whose path matches an
 * alias on to the target path. Aliases are gorilla/mux templates; their variables are added to the query, which is
 * then re-encoded with keys sorted, as Go's {@code url.Values.Encode} does. A request matching no alias goes on
 * unchanged. Like Dapr's, the older form with one metadata entry per alias is still read, with a warning.
 */
public final class RouterAliasMiddleware implements HttpMiddleware {

    private static final Logger log = LoggerFactory.getLogger(RouterAliasMiddleware.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<RouteTemplate, String> routes = new LinkedHashMap<>();

    @Override
    public void init(ComponentMetadata metadata) throws Exception {
        Optional<String> routesValue = metadata.get("routes");
        Map<String, String> aliases;
        if (metadata.properties().size() > 1 || routesValue.isEmpty()) {
            if (!metadata.properties().isEmpty()) {
                log.warn("{}: listing routes as key-value pairs is deprecated; use the 'routes' property", metadata);
            }
            aliases = new LinkedHashMap<>(metadata.properties());
            aliases.forEach((alias, target) -> {
                if (alias.isEmpty() || target.isEmpty()) {
                    throw new IllegalArgumentException("invalid key/value pair in metadata: must not be empty");
                }
            });
        } else {
            try {
                aliases = YAML.readValue(routesValue.get(), new TypeReference<LinkedHashMap<String, String>>() {});
            } catch (Exception e) {
                throw new IllegalArgumentException("failed to decode 'routes' property as JSON or YAML: " + e.getMessage(), e);
            }
        }
        aliases.forEach((alias, target) -> routes.put(RouteTemplate.parse(alias), target));
    }

    @Override
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception {
        for (Map.Entry<RouteTemplate, String> route : routes.entrySet()) {
            Optional<Map<String, String>> vars = route.getKey().match(request.path());
            if (vars.isPresent()) {
                String query = vars.get().isEmpty() ? request.query() : mergedQuery(request.query(), vars.get());
                return next.proceed(request.withPath(route.getValue(), query));
            }
        }
        return next.proceed(request);
    }

    static String mergedQuery(String rawQuery, Map<String, String> vars) {
        Map<String, List<String>> values = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        vars.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        List<String> pairs = new ArrayList<>();
        values.forEach((k, vs) -> vs.forEach(v -> pairs.add(escape(k) + "=" + escape(v))));
        return String.join("&", pairs);
    }

    /** Go's {@code url.QueryEscape}: like URLEncoder but {@code *} escaped and {@code ~} kept. */
    private static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }
}
