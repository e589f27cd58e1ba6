package io.daprj.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.benchmarks.SoakLedger.Kind;
import io.daprj.benchmarks.SoakLedger.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakLedgerTest {

    @Test
    void aRequestAnsweredAfterRedisStoppedCountsInTheOutage() {
        assertThat(SoakLedger.of(Phase.BEFORE, Phase.OUTAGE)).isEqualTo(Phase.OUTAGE);
        assertThat(SoakLedger.of(Phase.BEFORE, Phase.AFTER)).isEqualTo(Phase.OUTAGE);
        assertThat(SoakLedger.of(Phase.BEFORE, Phase.BEFORE)).isEqualTo(Phase.BEFORE);
        assertThat(SoakLedger.of(Phase.WARMUP, Phase.BEFORE)).isEqualTo(Phase.WARMUP);
        assertThat(SoakLedger.of(Phase.RECOVERY, Phase.AFTER)).isEqualTo(Phase.RECOVERY);
    }

    @Test
    void errorsAreCountedByPhaseKindAndCauseAndWarmUpIsLeftOutOfTheTotals() {
        SoakLedger ledger = new SoakLedger();
        ledger.error(Kind.SAVE, Phase.WARMUP, "HttpTimeoutException");
        ledger.error(Kind.SAVE, Phase.OUTAGE, "HTTP 500 ERR_STATE_SAVE");
        ledger.error(Kind.SAVE, Phase.OUTAGE, "HTTP 500 ERR_STATE_SAVE");
        ledger.error(Kind.GET, Phase.RECOVERY, "HTTP 500 ERR_STATE_GET");
        ledger.error(Kind.PUBLISH, Phase.AFTER, "HttpTimeoutException");
        assertThat(ledger.errorCount(true)).isEqualTo(3);
        assertThat(ledger.errorCount(false)).isEqualTo(1);
        assertThat(ledger.errors()).containsEntry(List.of("Redis stopped", "SAVE", "HTTP 500 ERR_STATE_SAVE"), 2L)
                .containsEntry(List.of("warm-up (first 15 s)", "SAVE", "HttpTimeoutException"), 1L);
        assertThat(ledger.errors().keySet().iterator().next().getFirst()).isEqualTo("warm-up (first 15 s)");
    }

    @Test
    void latencyOutsideTheOutageLeavesOutWarmUpAndOutage() {
        SoakLedger ledger = new SoakLedger();
        ledger.success(Kind.GET, Phase.WARMUP, 900_000_000L);
        ledger.success(Kind.GET, Phase.OUTAGE, 800_000_000L);
        ledger.success(Kind.GET, Phase.AFTER, 2_000_000L);
        assertThat(ledger.ok(Kind.GET)).isEqualTo(3);
        assertThat(ledger.latencyMicros(Kind.GET, true, 99)).isBetween(1_990L, 2_010L);
        assertThat(ledger.latencyMicros(Kind.GET, false, 99)).isGreaterThan(800_000L);
    }
}
