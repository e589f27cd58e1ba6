package io.daprj.sdkcompat.harness;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link EchoApp} received: verb, raw path, raw query (null when none), headers with lower-case names
 * (several values joined by commas) and the body as text.
 */
public record EchoedRequest(String method, String path, String query, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name);
    }

    /** The query string decoded into parameters, in order. */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
