package io.daprj.runtime.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every {@code .yaml}/{@code .yml} file of the given folders (not recursive, as daprd), each of which may hold
 * several documents, and returns the documents of one kind. Unknown kinds are skipped, as daprd skips them.
 */
public final class ResourceLoader {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<Path> folders;

    public ResourceLoader(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** All Component resources, in file-name order. */
    public List<ComponentSpec> components() {
        List<ComponentSpec> specs = new ArrayList<>();
        for (Document doc : documents("Component")) {
            specs.add(parseComponent(doc));
        }
        return specs;
    }

    /** One parsed YAML document and the file it came from. */
    public record Document(Path file, JsonNode node) {}

    /** The documents whose {@code kind} equals {@code kind}. */
    public List<Document> documents(String kind) {
        List<Document> docs = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new ResourceException("resources path " + folder + " is not a folder");
            }
            for (Path file : yamlFiles(folder)) {
                for (JsonNode node : read(file)) {
                    if (kind.equals(node.path("kind").asText())) {
                        docs.add(new Document(file, node));
                    }
                }
            }
        }
        return docs;
    }

    /** Reads the documents of one file; used for {@code --config} too. */
    public static List<JsonNode> read(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> nodes = new ArrayList<>();
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject()) {
                    nodes.add(node);
                }
            }
            return nodes;
        } catch (IOException | RuntimeException e) {
            throw new ResourceException("cannot read resource file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ResourceException("cannot list resources path " + folder + ": " + e.getMessage(), e);
        }
    }

    static ComponentSpec parseComponent(Document doc) {
        JsonNode node = doc.node();
        String name = node.path("metadata").path("name").asText("");
        String where = "component '" + name + "' in " + doc.file();
        if (name.isBlank()) {
            throw new ResourceException("a Component in " + doc.file() + " has no metadata.name");
        }
        JsonNode spec = node.path("spec");
        String type = spec.path("type").asText("");
        if (type.isBlank()) {
            throw new ResourceException(where + " has no spec.type");
        }
        String version = spec.path("version").asText("");
        if (version.isBlank()) {
            throw new ResourceException(where + " has no spec.version (expected: e.g. v1)");
        }
        List<String> scopes = new ArrayList<>();
        node.path("scopes").forEach(s -> scopes.add(s.asText()));
        Map<String, ComponentSpec.SecretRef> secretRefs = new LinkedHashMap<>();
        return new ComponentSpec(
                name,
                node.path("metadata").path("namespace").asText(""),
                type.toLowerCase(java.util.Locale.ROOT),
                version,
                metadataOf(spec.path("metadata"), where, secretRefs),
                scopes,
                spec.path("ignoreErrors").asBoolean(false),
                doc.file().toString(),
                secretRefs,
                node.path("auth").path("secretStore").asText(""));
    }

    private static Map<String, String> metadataOf(JsonNode entries, String where, Map<String, ComponentSpec.SecretRef> refs) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            String key = entry.path("name").asText("");
            if (key.isBlank()) {
                throw new ResourceException(where + " has a metadata entry without a name");
            }
            if (entry.has("secretKeyRef")) {
                JsonNode ref = entry.path("secretKeyRef");
                String secret = ref.path("name").asText("");
                if (secret.isBlank()) {
                    throw new ResourceException(where + ": metadata '" + key + "' has a secretKeyRef without a name");
                }
                refs.put(key, new ComponentSpec.SecretRef(secret, ref.path("key").asText("")));
                continue;
            }
            if (entry.has("envRef")) {
                String env = System.getenv(entry.path("envRef").asText());
                metadata.put(key, env == null ? "" : env);
                continue;
            }
            JsonNode value = entry.path("value");
            metadata.put(key, value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : toJson(value));
        }
        return metadata;
    }

    private static String toJson(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
