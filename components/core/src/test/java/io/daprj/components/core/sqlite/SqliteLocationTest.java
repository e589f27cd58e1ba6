package io.daprj.components.core.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLocationTest {

    @TempDir
    Path dir;

    @Test
    void plainPathBecomesAnAbsoluteFileUrl() {
        SqliteLocation location = SqliteLocation.parse("data/state.db");
        assertThat(location.file()).contains(Path.of("data/state.db").toAbsolutePath());
        assertThat(location.jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data/state.db").toAbsolutePath());
    }

    @Test
    void fileUriKeepsItsOptionsAndNamesItsFile() {
        assertThat(SqliteLocation.parse("file:/tmp/x/state.db?mode=rwc").file()).contains(Path.of("/tmp/x/state.db"));
        assertThat(SqliteLocation.parse("file:/tmp/x/state.db?mode=rwc").jdbcUrl())
                .isEqualTo("jdbc:sqlite:file:/tmp/x/state.db?mode=rwc");
        assertThat(SqliteLocation.parse("file:///tmp/y.db").file()).contains(Path.of("/tmp/y.db"));
    }

    @Test
    void memoryDatabasesHaveNoFile() {
        assertThat(SqliteLocation.parse(":memory:").inMemory()).isTrue();
        assertThat(SqliteLocation.parse("file::memory:?cache=shared").inMemory()).isTrue();
    }

    @Test
    void blankConnectionStringIsRejected() {
        assertThatThrownBy(() -> SqliteLocation.parse("  ")).hasMessageContaining("connectionString");
    }

    @Test
    void createsTheMissingParentDirectories() {
        Path file = dir.resolve("a/b/c/state.db");
        SqliteLocation.parse(file.toString()).createParentDirectories();
        assertThat(Files.isDirectory(file.getParent())).isTrue();
    }

    @Test
    void timestampsRoundTripAndReadDaprsSecondForm() {
        Instant t = Instant.parse("2026-11-27T10:11:12.345Z");
        assertThat(SqliteTimestamps.format(t)).isEqualTo("2026-11-27 10:11:12.345");
        assertThat(SqliteTimestamps.parse("2026-11-27 10:11:12.345")).contains(t);
        assertThat(SqliteTimestamps.parse("2026-11-27 10:11:12")).contains(Instant.parse("2026-11-27T10:11:12Z"));
        assertThat(SqliteTimestamps.parse("garbage")).isEmpty();
        assertThat(SqliteTimestamps.format(t)).isGreaterThan("2026-11-27 10:11:12");
    }
}
