package io.daprj.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * daprd's HTTP routing: the path is cleaned ({@code //} collapsed, trailing {@code /} dropped), matched against
 * patterns such as {@code /v1.0/state/{storeName}/{key}} in registration order, and route parameters are
 * URL-decoded. A trailing {@code {name*}} takes the rest of the path, still encoded. When nothing matches, or only
 * the method is wrong, the {@linkplain #fallback fallback} (service invocation by {@code dapr-app-id}) answers.
 */
public final class ApiRouter {

    /** A route handler; runs on a virtual thread and may block. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(Set<String> methods, String[] segments, Handler handler, String pattern) {}

    /** The handler and decoded parameters of a matched route, and its pattern (empty for the fallback). */
    public record Match(Handler handler, Map<String, String> params, String pattern) {

        public Match(Handler handler, Map<String, String> params) {
            this(handler, params, "");
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Predicate<String> enabled;
    private Handler fallback = r -> ApiResponse.noContent();

    /** A router serving every route added. */
    public ApiRouter() {
        this(pattern -> true);
    }

    /** A router that leaves out the routes whose pattern {@code enabled} refuses (the API allow/deny lists). */
    public ApiRouter(Predicate<String> enabled) {
        this.enabled = enabled;
    }

    public ApiRouter add(Set<String> methods, String pattern, Handler handler) {
        if (enabled.test(pattern)) {
            routes.add(new Route(methods, split(pattern), handler, pattern));
        }
        return this;
    }

    public ApiRouter fallback(Handler handler) {
        this.fallback = handler;
        return this;
    }

    public Match match(String method, String rawPath) {
        String[] path = split(clean(rawPath));
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments, path);
            if (params != null && route.methods.contains(method)) {
                return new Match(route.handler, params, route.pattern);
            }
        }
        return new Match(fallback, Map.of());
    }

    static String clean(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String seg = pattern[i];
            if (seg.startsWith("{") && seg.endsWith("*}")) {
                if (i >= path.length) {
                    return null;
                }
                params.put(seg.substring(1, seg.length() - 2), String.join("/", List.of(path).subList(i, path.length)));
                return params;
            }
            if (i >= path.length) {
                return null;
            }
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(seg.substring(1, seg.length() - 1), decode(path[i]));
            } else if (!seg.equals(path[i])) {
                return null;
            }
        }
        return pattern.length == path.length ? params : null;
    }

    /** Percent-decoding of one path segment; {@code +} stays {@code +} in paths. */
    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
