package io.daprj.components.core.crypto;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.crypto.KeyNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code crypto.dapr.localstorage}: each file in the folder {@code path} is a key, named by its file name (PEM,
 * JWK JSON, or raw/base64 symmetric bytes; see {@link KeyParser}). Files are read on every use, so keys can be
 * added or rotated without a restart; names containing {@code ..} are refused.
 */
public final class LocalStorageCryptoProvider extends LocalCryptoProvider {

    /** Dapr's metadata: the folder of key files. */
    record Metadata(String path) {}

    private Path folder;

    @Override
    public void init(ComponentMetadata metadata) {
        folder = Path.of(metadata.bind(Metadata.class).path()).normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("path '" + folder + "' is not a directory");
        }
    }

    @Override
    protected CryptoKey retrieveKey(String keyName) {
        if (keyName.contains("..")) {
            throw new IllegalArgumentException("invalid key path: cannot contain '..'");
        }
        Path file = folder.resolve(keyName);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyNotFoundException(keyName);
        } catch (IOException e) {
            throw new IllegalStateException("failed to load key '" + keyName + "': " + e.getMessage(), e);
        }
        try {
            return KeyParser.parse(raw, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to parse key from secret: " + e.getMessage(), e);
        }
    }
}
