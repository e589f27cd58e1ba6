package io.daprj.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One running {@code daprj run}, as written to {@code $DAPRJ_HOME/run/<appId>.json}.
 *
 * @param pid the JVM that hosts the sidecar and supervises the app; {@code daprj stop} signals it
 * @param appPid the app's process, 0 when the run has no app
 * @param appPort 0 when the sidecar has no app channel
 * @param command the app's command line, empty for a sidecar alone
 * @param started ISO-8601 instant the run began (a string keeps the file readable without extra Jackson modules)
 */
record RunRecord(String appId, long pid, long appPid, int httpPort, int grpcPort, int appPort,
                 List<String> command, String started) {

    RunRecord {
        Objects.requireNonNull(appId, "appId");
        command = command == null ? List.of() : List.copyOf(command);
        Instant.parse(Objects.requireNonNull(started, "started")); // fails early on a garbled file
    }

    @JsonIgnore
    Instant startedAt() {
        return Instant.parse(started);
    }
}
