package io.daprj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list and stop against records whose pid is a real child process standing in for a daprj run. */
class ListAndStopTest {

    private final RunRegistry registry = RunRegistry.inHome();
    private final List<Process> started = new ArrayList<>();
    private final List<RunRecord> written = new ArrayList<>();

    @AfterEach
    void killStandInsAndForgetTheirRuns() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        written.forEach(registry::remove);
    }

    @Test
    void listShowsALiveRunAndDropsTheFileOfADeadOne() throws Exception {
        Process live = start("sleep", "60");
        Process dead = start("true");
        dead.waitFor();
        write(record("listed-live", live.pid(), Instant.now()));
        write(record("listed-dead", dead.pid(), Instant.now()));

        Cli cli = new Cli();
        assertThat(cli.execute("list")).isZero();

        assertThat(cli.out()).contains("APP ID", "HTTP PORT", "GRPC PORT", "APP PORT", "PID", "AGE", "COMMAND");
        assertThat(cli.out()).containsPattern("listed-live +3500 +50001 +8080 +" + live.pid() + " +\\d+s +java -jar app.jar");
        assertThat(cli.out()).doesNotContain("listed-dead");
        assertThat(Files.exists(registry.dir().resolve("listed-dead.json"))).isFalse();
    }

    @Test
    void listAsJsonGivesEveryFieldAndTheAge() throws Exception {
        Process live = start("sleep", "60");
        write(record("listed-json", live.pid(), Instant.now()));

        Cli cli = new Cli();
        assertThat(cli.execute("list", "--output", "json")).isZero();

        JsonNode runs = new ObjectMapper().readTree(cli.out());
        JsonNode run = null;
        for (JsonNode candidate : runs) {
            if (candidate.path("appId").asText().equals("listed-json")) {
                run = candidate;
            }
        }
        assertThat(run).isNotNull();
        assertThat(run.path("pid").asLong()).isEqualTo(live.pid());
        assertThat(run.path("httpPort").asInt()).isEqualTo(3500);
        assertThat(run.path("command").get(0).asText()).isEqualTo("java");
        assertThat(run.path("age").asText()).matches("\\d+s");
    }

    @Test
    void aLivePidThatStartedAfterTheRecordIsAReusedPidNotTheRun() throws Exception {
        Process unrelated = start("sleep", "60");
        write(record("reused-pid", unrelated.pid(), Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(registry.find("reused-pid")).isEmpty();
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void stopTerminatesTheProcessAndRemovesItsFile() throws Exception {
        Process live = start("sleep", "60");
        write(record("stopped", live.pid(), Instant.now()));

        Cli cli = new Cli();
        assertThat(cli.execute("stop", "--app-id", "stopped")).isZero();

        assertThat(live.isAlive()).isFalse();
        assertThat(cli.out()).contains("stopped app id 'stopped'");
        assertThat(Files.exists(registry.dir().resolve("stopped.json"))).isFalse();
    }

    @Test
    void stopOfAnUnknownAppIdFailsWithExitCodeOne() {
        Cli cli = new Cli();
        assertThat(cli.execute("stop", "--app-id", "never-ran")).isEqualTo(1);
        assertThat(cli.err()).contains("no running instance with app id 'never-ran'");
    }

    @Test
    void stopGivesUpAfterTheTimeoutWhenTheProcessIgnoresSigterm(@TempDir Path tmp) throws Exception {
        Path trapped = tmp.resolve("trapped");
        Process stubborn = start("sh", "-c", "trap '' TERM; touch " + trapped + "; while true; do sleep 1; done");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(trapped)); // SIGTERM before the trap would kill it
        write(record("stubborn", stubborn.pid(), Instant.now()));

        Cli cli = new Cli();
        long began = System.nanoTime();
        assertThat(cli.execute("stop", "--app-id", "stubborn", "--timeout", "1")).isEqualTo(1);

        assertThat(System.nanoTime() - began).isLessThan(5_000_000_000L);
        assertThat(cli.err()).contains("did not stop within 1s");
        assertThat(stubborn.isAlive()).isTrue();
    }

    @Test
    void ageUsesTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(ListCommand.age(now.minusSeconds(45), now)).isEqualTo("45s");
        assertThat(ListCommand.age(now.minusSeconds(190), now)).isEqualTo("3m");
        assertThat(ListCommand.age(now.minusSeconds(7300), now)).isEqualTo("2h");
        assertThat(ListCommand.age(now.minusSeconds(90_000), now)).isEqualTo("1d");
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    private void write(RunRecord run) {
        registry.write(run);
        written.add(run);
    }

    private static RunRecord record(String appId, long pid, Instant started) {
        return new RunRecord(appId, pid, 0, 3500, 50001, 8080, List.of("java", "-jar", "app.jar"), started.toString());
    }
}
