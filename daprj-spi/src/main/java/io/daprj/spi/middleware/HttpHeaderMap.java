package io.daprj.spi.middleware;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the immutable header maps of {@link MiddlewareRequest} and {@link MiddlewareResponse}: lower-case names. */
final class HttpHeaderMap {

    private HttpHeaderMap() {}

    static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> out = new TreeMap<>();
        headers.forEach((name, values) -> out.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        out.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(out);
    }

    static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        TreeMap<String, List<String>> out = new TreeMap<>(headers);
        out.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return out;
    }
}
