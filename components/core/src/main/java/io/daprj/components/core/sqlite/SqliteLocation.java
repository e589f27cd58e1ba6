package io.daprj.components.core.sqlite;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a SQLite database lives, read from Dapr's {@code connectionString}: a file path, a {@code file:} URI (query
 * options kept), or {@code :memory:} / {@code file::memory:} for a private in-memory database.
 *
 * @param jdbcUrl the URL handed to sqlite-jdbc
 * @param file the database file, empty for an in-memory database
 */
public record SqliteLocation(String jdbcUrl, Optional<Path> file) {

    public SqliteLocation {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(file, "file");
    }

    /** @throws IllegalArgumentException for a blank connection string */
    public static SqliteLocation parse(String connectionString) {
        String cs = requireNonNull(connectionString, "connectionString").trim();
        if (cs.isEmpty()) {
            throw new IllegalArgumentException("connectionString: '' (expected: a file path or a file: URI)");
        }
        String lower = cs.toLowerCase(Locale.ROOT);
        if (lower.startsWith(":memory:") || lower.startsWith("file::memory:")) {
            return new SqliteLocation("jdbc:sqlite::memory:", Optional.empty());
        }
        if (lower.startsWith("file:")) {
            String path = cs.substring("file:".length());
            int query = path.indexOf('?');
            path = query < 0 ? path : path.substring(0, query);
            // file:///abs/db is a URI with an empty authority; file:/abs/db and file:rel/db are paths already
            path = path.startsWith("//") ? path.substring(2) : path;
            return new SqliteLocation("jdbc:sqlite:" + cs, Optional.of(Path.of(path).toAbsolutePath()));
        }
        Path file = Path.of(cs).toAbsolutePath();
        return new SqliteLocation("jdbc:sqlite:" + file, Optional.of(file));
    }

    public boolean inMemory() {
        return file.isEmpty();
    }

    /** Creates the directories the database file goes in, so a fresh {@code ~/.daprj} just works. */
    public void createParentDirectories() {
        file.map(Path::getParent).ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create directory " + dir + " for the SQLite database", e);
            }
        });
    }
}
