package io.daprj.components.core.bindings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import io.daprj.spi.bindings.OutputBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code bindings.localstorage}: files under {@code rootPath}, named by request metadata {@code fileName}.
 * {@code create} writes (a JSON string's quotes are removed and base64 is decoded, as Dapr does; no name means a
 * random UUID) and answers {@code {"fileName":<relative path>}}; {@code get} reads; {@code list} answers the
 * absolute paths of the files under {@code fileName} (the root by default); {@code delete} removes. A name that
 * resolves outside {@code rootPath}, through {@code ..} or a symbolic link, is refused. Thread safe.
 */
public final class LocalStorageBinding implements OutputBinding {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> DISALLOWED = Stream.of("/proc", "/sys", "/boot", "/var/run/secrets").map(Path::of).toList();

    /** Dapr's metadata: {@code rootPath}, required. */
    record Metadata(String rootPath) {}

    private Path root;

    @Override
    public void init(ComponentMetadata metadata) throws IOException {
        Path path = Path.of(metadata.bind(Metadata.class).rootPath()).toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("property rootPath represents a file and not a directory");
        }
        Files.createDirectories(path);
        root = path.toRealPath();
        if (DISALLOWED.stream().anyMatch(root::startsWith)) {
            throw new IllegalArgumentException("property rootPath points to a disallowed location");
        }
    }

    @Override
    public List<String> operations() {
        return List.of("create", "get", "list", "delete");
    }

    @Override
    public Optional<BindingResponse> invoke(String operation, byte[] data, Map<String, String> metadata) {
        String fileName = metadata.getOrDefault("fileName", "");
        if (fileName.isEmpty() && operation.equals("create")) {
            fileName = UUID.randomUUID().toString();
        }
        Path file = resolve(fileName);
        try {
            return switch (operation) {
                case "create" -> create(file, data);
                case "get" -> Optional.of(BindingResponse.of(Files.readAllBytes(file)));
                case "list" -> list(file);
                case "delete" -> {
                    Files.delete(file);
                    yield Optional.empty();
                }
                default -> throw new BindingInvokeException("unsupported operation " + operation, Map.of());
            };
        } catch (NoSuchFileException e) {
            throw new BindingInvokeException("file not found: " + file, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(operation + " " + file + ": " + e.getMessage(), e);
        }
    }

    private Optional<BindingResponse> create(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, decode(data));
        return Optional.of(BindingResponse.of(JSON.writeValueAsBytes(Map.of("fileName", root.relativize(file).toString()))));
    }

    private Optional<BindingResponse> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BindingInvokeException("unable to list files as the file specified is not a directory: " + dir, Map.of());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> all = files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
            return Optional.of(BindingResponse.of(JSON.writeValueAsBytes(all)));
        }
    }

    /** The data as Dapr writes it: a JSON string unquoted, then base64-decoded when it is valid base64. */
    static byte[] decode(byte[] data) {
        byte[] bytes = data;
        if (bytes.length >= 2 && bytes[0] == '"' && bytes[bytes.length - 1] == '"') {
            try {
                bytes = JSON.readValue(bytes, String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                // not a JSON string: kept as is, like Go's failed Unquote
            }
        }
        try {
            return Base64.getDecoder().decode(bytes);
        } catch (IllegalArgumentException e) {
            return bytes;
        }
    }

    /** The file for {@code name} inside the root, after following symbolic links; refused when it leaves the root. */
    private Path resolve(String name) {
        Path file = root.resolve(name).normalize();
        Path real = file;
        try {
            Path existing = file;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                real = existing.toRealPath().resolve(existing.relativize(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!real.startsWith(root)) {
            throw new BindingInvokeException("error getting absolute path for file " + name
                    + ": the path leaves rootPath " + root, Map.of());
        }
        return real;
    }
}
