package io.daprj.components.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.crypto.KeyNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code crypto.dapr.jwks}: keys from a JSON Web Key Set, found by their {@code kid}. Metadata {@code jwks} is an
 * {@code http(s)://} URL (fetched at init within {@code requestTimeout}, then again every
 * {@code minRefreshInterval}), a path to a file (read again when its modification time changes) or the JWKS itself
 * as JSON, optionally base64-encoded — the order in which dapr/kit's {@code jwkscache} tries them.
 */
public final class JwksCryptoProvider extends LocalCryptoProvider {

    private static final Logger log = LoggerFactory.getLogger(JwksCryptoProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Dapr's metadata for this provider. */
    record Metadata(String jwks, @DefaultValue("30s") Duration requestTimeout,
            @DefaultValue("10m") Duration minRefreshInterval) {}

    private volatile Map<String, CryptoKey> keys = Map.of();
    private Optional<Path> file = Optional.empty();
    private volatile FileTime loadedVersion;
    private Thread refresher;

    @Override
    public void init(ComponentMetadata metadata) throws Exception {
        Metadata m = metadata.bind(Metadata.class);
        String location = m.jwks();
        if (location.startsWith("https://") || location.startsWith("http://")) {
            Duration timeout = m.requestTimeout().toMillis() < 1 ? Duration.ofSeconds(30) : m.requestTimeout();
            Duration interval = m.minRefreshInterval().toSeconds() < 1 ? Duration.ofMinutes(10) : m.minRefreshInterval();
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            keys = fetch(client, location, timeout);
            refresher = Thread.ofVirtual().name("jwks-refresh-" + metadata.name()).start(() -> refresh(client, location, timeout, interval));
        } else if (Files.isRegularFile(Path.of(location))) {
            file = Optional.of(Path.of(location));
            reloadFileIfChanged();
        } else {
            keys = parse(inline(location));
        }
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.interrupt();
        }
    }

    @Override
    protected CryptoKey retrieveKey(String keyName) {
        reloadFileIfChanged();
        CryptoKey key = keys.get(keyName);
        if (key == null) {
            throw new KeyNotFoundException(keyName);
        }
        return key;
    }

    private void reloadFileIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        try {
            FileTime version = Files.getLastModifiedTime(file.get());
            if (!version.equals(loadedVersion)) {
                keys = parse(Files.readAllBytes(file.get()));
                loadedVersion = version;
            }
        } catch (IOException | IllegalArgumentException e) {
            if (loadedVersion == null) {
                throw new IllegalArgumentException("failed to read the JWKS file " + file.get() + ": " + e.getMessage(), e);
            }
            log.warn("keeping the last JWKS: reading {} failed: {}", file.get(), e.getMessage());
        }
    }

    private void refresh(HttpClient client, String url, Duration timeout, Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval);
                keys = fetch(client, url, timeout);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("keeping the last JWKS: refreshing from {} failed: {}", url, e.getMessage());
            }
        }
    }

    private static Map<String, CryptoKey> fetch(HttpClient client, String url, Duration timeout) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + url + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    private static byte[] inline(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{")) {
            return trimmed.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(trimmed.replaceAll("=+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "failed to parse property 'jwks': not a URL, path to local file, or JSON value (optionally base64-encoded)");
        }
    }

    /** A JWKS ({@code {"keys":[…]}}) or a single JWK, by {@code kid}. */
    static Map<String, CryptoKey> parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JWKS: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("invalid JWKS: not a JSON object");
        }
        Map<String, CryptoKey> byId = new HashMap<>();
        Iterable<JsonNode> entries = root.has("keys") ? root.get("keys") : java.util.List.of(root);
        for (JsonNode entry : entries) {
            CryptoKey key = KeyParser.jwk(entry);
            key.keyId().ifPresent(kid -> byId.put(kid, key));
        }
        return Map.copyOf(byId);
    }
}
