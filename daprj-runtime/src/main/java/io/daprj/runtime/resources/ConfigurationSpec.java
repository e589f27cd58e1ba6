package io.daprj.runtime.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code kind: Configuration} file daprj reads today: the name resolution component and the secret
 * scopes.
 *
 * @param nameResolver the {@code spec.nameResolution.component} (default {@code sqlite}, see the README)
 * @param nameResolverConfig its {@code configuration} entries as strings
 * @param secretScopes {@code spec.secrets.scopes} by store name
 */
public record ConfigurationSpec(String nameResolver, Map<String, String> nameResolverConfig, Map<String, SecretScope> secretScopes) {

    public static final ConfigurationSpec DEFAULT = new ConfigurationSpec("sqlite", Map.of(), Map.of());

    public ConfigurationSpec {
        nameResolverConfig = Map.copyOf(nameResolverConfig);
        secretScopes = Map.copyOf(secretScopes);
    }

    /** Reads the first Configuration document of each file, later files overriding earlier ones. */
    public static ConfigurationSpec load(List<Path> files) {
        ConfigurationSpec result = DEFAULT;
        for (Path file : files) {
            for (JsonNode doc : ResourceLoader.read(file)) {
                if (!"Configuration".equals(doc.path("kind").asText())) {
                    continue;
                }
                JsonNode nr = doc.path("spec").path("nameResolution");
                if (nr.hasNonNull("component")) {
                    Map<String, String> config = new HashMap<>();
                    nr.path("configuration").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
                    result = new ConfigurationSpec(nr.path("component").asText(), config, result.secretScopes());
                }
                JsonNode scopes = doc.path("spec").path("secrets").path("scopes");
                if (scopes.isArray()) {
                    Map<String, SecretScope> byStore = new HashMap<>(result.secretScopes());
                    scopes.forEach(s -> byStore.put(s.path("storeName").asText(), SecretScope.parse(s)));
                    result = new ConfigurationSpec(result.nameResolver(), result.nameResolverConfig(), byStore);
                }
            }
        }
        return result;
    }

    /** {@code spec.tracing} of the Configuration files (the last one that has it), with the {@code OTEL_*} variables. */
    public static io.daprj.runtime.tracing.TracingSpec tracingSpec(List<Path> files,
            java.util.function.Function<String, java.util.Optional<String>> env) {
        JsonNode tracing = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (Path file : files) {
            for (JsonNode doc : ResourceLoader.read(file)) {
                if ("Configuration".equals(doc.path("kind").asText()) && doc.path("spec").has("tracing")) {
                    tracing = doc.path("spec").path("tracing");
                }
            }
        }
        try {
            return io.daprj.runtime.tracing.TracingSpec.parse(tracing, env);
        } catch (IllegalArgumentException e) {
            throw new ResourceException("Configuration spec.tracing: " + e.getMessage(), e);
        }
    }

    /** {@code spec.api} (allow and deny lists) of the Configuration files, the last one that has it winning. */
    public static io.daprj.runtime.security.ApiAccess apiAccess(List<Path> files) {
        io.daprj.runtime.security.ApiAccess result = io.daprj.runtime.security.ApiAccess.ALLOW_ALL;
        for (Path file : files) {
            for (JsonNode doc : ResourceLoader.read(file)) {
                if ("Configuration".equals(doc.path("kind").asText()) && doc.path("spec").has("api")) {
                    result = io.daprj.runtime.security.ApiAccess.parse(doc.path("spec").path("api"));
                }
            }
        }
        return result;
    }

    /** {@code spec.metric} (or its alias {@code spec.metrics}) of the Configuration files, the last one winning. */
    public static io.daprj.runtime.metrics.MetricSpec metricSpec(List<Path> files) {
        io.daprj.runtime.metrics.MetricSpec result = io.daprj.runtime.metrics.MetricSpec.DEFAULT;
        for (Path file : files) {
            for (JsonNode doc : ResourceLoader.read(file)) {
                JsonNode spec = doc.path("spec");
                if ("Configuration".equals(doc.path("kind").asText()) && (spec.has("metric") || spec.has("metrics"))) {
                    result = io.daprj.runtime.metrics.MetricSpec.parse(spec.has("metric") ? spec.get("metric") : spec.get("metrics"));
                }
            }
        }
        return result;
    }

    /** {@code spec.<field>} ({@code httpPipeline} or {@code appHttpPipeline}) of the Configuration files, the last one winning. */
    public static io.daprj.runtime.middleware.PipelineSpec pipeline(List<Path> files, String field) {
        io.daprj.runtime.middleware.PipelineSpec result = io.daprj.runtime.middleware.PipelineSpec.EMPTY;
        for (Path file : files) {
            for (JsonNode doc : ResourceLoader.read(file)) {
                if ("Configuration".equals(doc.path("kind").asText()) && doc.path("spec").has(field)) {
                    result = io.daprj.runtime.middleware.PipelineSpec.parse(doc.path("spec").get(field));
                }
            }
        }
        return result;
    }
}
