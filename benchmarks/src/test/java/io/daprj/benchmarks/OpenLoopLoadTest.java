package io.daprj.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class OpenLoopLoadTest {

    @Test
    void aStallDelaysEveryRequestDueDuringItNotJustTheOneThatHitIt() throws Exception {
        try (ExecutorService oneAtATime = Executors.newSingleThreadExecutor()) {
            LoadTarget stallsOnce = seq -> CompletableFuture.runAsync(() -> {
                if (seq == 0) {
                    sleep(500);
                }
            }, oneAtATime);

            LoadResult result = new OpenLoopLoad(Duration.ZERO, Duration.ofSeconds(1)).run("stall", stallsOnce, 100);

            // requests due in the first 500 ms queue behind the stall; a closed-loop client would report one slow call
            assertThat(result.errors()).isZero();
            assertThat(result.achievedRate()).isBetween(90.0, 101.0);
            assertThat(result.millisAt(90)).isGreaterThan(300);
            assertThat(result.millisAt(50)).isGreaterThan(1);
        }
    }

    @Test
    void readsTheResidentMemoryAndCpuTimeOfARunningProcess() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStats.residentBytes(self)).isPositive();
        assertThat(ProcStats.cpuNanos(self)).isPositive();
        assertThat(ProcStats.residentBytes(Long.MAX_VALUE)).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
