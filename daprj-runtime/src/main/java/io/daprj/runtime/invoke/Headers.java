package io.daprj.runtime.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** An ordered, multi-valued list of HTTP headers with lower-case names; immutable. */
public record Headers(List<Map.Entry<String, String>> entries) {

    public static final Headers EMPTY = new Headers(List.of());

    /** Hop-by-hop headers and the ones the sidecar consumes itself; never passed on. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "connection", "content-length", "transfer-encoding", "keep-alive", "te", "upgrade",
            "proxy-connection", "trailer", "content-type", "dapr-app-id", "dapr-api-token", "expect", "http2-settings");

    public Headers {
        entries = List.copyOf(entries);
    }

    public static Headers of(String... namesAndValues) {
        Builder b = builder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String first(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.getKey().equals(n)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public void forEach(BiConsumer<String, String> action) {
        entries.forEach(e -> action.accept(e.getKey(), e.getValue()));
    }

    /** The headers that may travel on to the app: no hop-by-hop, pseudo, gRPC-reserved or Dapr control headers. */
    public Headers forwardable() {
        Builder b = builder();
        forEach((k, v) -> {
            if (!k.startsWith(":") && !k.startsWith("grpc-") && !NOT_FORWARDED.contains(k)) {
                b.add(k, v);
            }
        });
        return b.build();
    }

    /** A copy where each given header replaces any earlier value of that name. */
    public Headers with(Map<String, String> replacements) {
        Builder b = builder();
        forEach((k, v) -> {
            if (!replacements.containsKey(k)) {
                b.add(k, v);
            }
        });
        replacements.forEach(b::add);
        return b.build();
    }

    /** Collects headers in order. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();

        public Builder add(String name, String value) {
            entries.add(Map.entry(name.toLowerCase(Locale.ROOT), value));
            return this;
        }

        public Headers build() {
            return new Headers(entries);
        }
    }
}
