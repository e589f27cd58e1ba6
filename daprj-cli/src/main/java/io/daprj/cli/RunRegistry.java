package io.daprj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.daprj.runtime.DaprjHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The running instances of {@code daprj run}: one JSON file per app id in a folder, written by the run itself and
 * removed when it ends. Files of processes that died without cleaning up are dropped when read.
 */
final class RunRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A live pid that started later than this after the record was written is a reused pid, not our run. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    private final Path dir;

    RunRegistry(Path dir) {
        this.dir = dir;
    }

    /** The registry under {@code $DAPRJ_HOME/run} (or {@code ~/.daprj/run}). */
    static RunRegistry inHome() {
        return new RunRegistry(DaprjHome.dir().resolve("run"));
    }

    Path dir() {
        return dir;
    }

    void write(RunRecord run) {
        Path file = fileFor(run.appId());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".run-", ".tmp");
            JSON.writeValue(temp.toFile(), run);
            moveInto(temp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Live runs, oldest first; files of dead processes are deleted on the way. */
    List<RunRecord> live() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                read(file).ifPresent(run -> {
                    if (isAlive(run)) {
                        runs.add(run);
                    } else {
                        deleteQuietly(file);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::appId));
        return runs;
    }

    Optional<RunRecord> find(String appId) {
        Path file = fileFor(appId);
        Optional<RunRecord> run = Files.exists(file) ? read(file) : Optional.empty();
        if (run.isPresent() && !isAlive(run.get())) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return run;
    }

    /** Removes the file of this run, unless another run of the same app id has replaced it since. */
    void remove(RunRecord run) {
        Path file = fileFor(run.appId());
        if (Files.exists(file) && read(file).map(r -> r.pid() == run.pid()).orElse(true)) {
            deleteQuietly(file);
        }
    }

    /** Whether the run's pid is alive and is the same process that wrote the record. */
    static boolean isAlive(RunRecord run) {
        return ProcessHandle.of(run.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant()
                        .map(start -> !start.isAfter(run.startedAt().plus(START_SLACK)))
                        .orElse(true))
                .isPresent();
    }

    private Path fileFor(String appId) {
        if (appId.isBlank() || appId.contains("/") || appId.contains("\\") || appId.startsWith(".")) {
            throw new IllegalArgumentException("--app-id: '" + appId + "' (expected: a name without '/', '\\' or a leading '.')");
        }
        return dir.resolve(appId + ".json");
    }

    private static Optional<RunRecord> read(Path file) {
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunRecord.class));
        } catch (IOException e) {
            // Unreadable files are left alone: they may belong to a newer daprj; a message would repeat on every list.
            return Optional.empty();
        }
    }

    private static void moveInto(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // another list or stop removed it, or the folder is read-only; either way it is not ours to report
        }
    }
}
