package io.daprj.runtime.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Configuration's {@code httpPipeline} or {@code appHttpPipeline}: the handlers in the order they run.
 *
 * @param handlers each names a loaded middleware component and its type
 */
public record PipelineSpec(List<Handler> handlers) {

    public static final PipelineSpec EMPTY = new PipelineSpec(List.of());

    /**
     * One {@code handlers} entry.
     *
     * @param name the middleware component's {@code metadata.name}
     * @param type its {@code spec.type}, e.g. {@code middleware.http.uppercase}
     * @param version its version, {@code v1} when not given
     */
    public record Handler(String name, String type, String version) {}

    public PipelineSpec {
        handlers = List.copyOf(handlers);
    }

    /** Reads {@code {handlers: [{name, type, version}]}}; a missing node is the empty pipeline. */
    public static PipelineSpec parse(JsonNode node) {
        if (node == null || !node.path("handlers").isArray()) {
            return EMPTY;
        }
        List<Handler> handlers = new ArrayList<>();
        for (JsonNode h : node.path("handlers")) {
            handlers.add(new Handler(h.path("name").asText(""), h.path("type").asText(""),
                    h.path("version").asText("").isEmpty() ? "v1" : h.path("version").asText()));
        }
        return new PipelineSpec(handlers);
    }

    public boolean isEmpty() {
        return handlers.isEmpty();
    }
}
