package io.daprj.runtime.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code path} label of the HTTP server metrics, bounded as Configuration {@code spec.metric.http} asks: a
 * {@code pathMatching} pattern the path matches; else, with {@code increasedCardinality}, daprd's legacy trimmed path
 * (store and secret names kept, keys and actor ids dropped); else the API route pattern that served the request
 * ({@code /v1.0/state/{storeName}/{key}}), which the route table bounds.
 */
final class HttpPathLabel {

    private final List<String[]> patterns;
    private final List<String> patternTexts;
    private final boolean increasedCardinality;

    HttpPathLabel(MetricSpec spec) {
        this.patternTexts = spec.pathMatching();
        this.patterns = patternTexts.stream().map(HttpPathLabel::segments).toList();
        this.increasedCardinality = spec.increasedCardinality();
    }

    /** @param route the matched route pattern, or empty when no API route matched */
    String label(String rawPath, String route) {
        String path = clean(rawPath);
        if (!patterns.isEmpty()) {
            String[] segments = segments(path);
            for (int i = 0; i < patterns.size(); i++) {
                if (matches(patterns.get(i), segments)) {
                    return patternTexts.get(i);
                }
            }
            return increasedCardinality ? trimmed(path) : "";
        }
        return increasedCardinality ? trimmed(path) : route;
    }

    private static boolean matches(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean wildcard = pattern[i].startsWith("{") && pattern[i].endsWith("}");
            if (!wildcard && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    /** daprd's legacy label: {@code /v1.0/state/store/key} → {@code /v1.0/state/store}, actor ids → {@code {id}}. */
    static String trimmed(String path) {
        String[] s = segments(path);
        if (s.length < 3) {
            return path;
        }
        if (s[0].equals("actors")) {
            s[2] = "{id}";
            return "/" + String.join("/", Arrays.copyOf(s, Math.min(s.length, 6)));
        }
        return switch (s[1]) {
            case "state", "secrets" -> "/" + String.join("/", Arrays.copyOf(s, 3));
            case "actors" -> {
                if (s.length < 5) {
                    yield path;
                }
                s[3] = "{id}";
                yield "/" + String.join("/", Arrays.copyOf(s, 5));
            }
            case "workflows" -> {
                if (s.length < 4) {
                    yield path;
                }
                if (s.length >= 5 && s[4].startsWith("start")) {
                    yield "/" + String.join("/", Arrays.copyOf(s, 4)) + "/start";
                }
                s[3] = "{instanceId}";
                if (s.length >= 6 && s[4].equals("raiseEvent")) {
                    s[5] = "{eventName}";
                    yield "/" + String.join("/", Arrays.copyOf(s, 6));
                }
                yield "/" + String.join("/", Arrays.copyOf(s, Math.min(s.length, 5)));
            }
            default -> path;
        };
    }

    private static String clean(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
