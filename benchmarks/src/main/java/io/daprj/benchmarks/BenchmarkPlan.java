package io.daprj.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each scenario runs.
 *
 * @param phaseWarmup unrecorded load sent through each new pair of sidecars before its first measured run (JIT)
 * @param warmup unrecorded load at the run's own rate before each measured window
 * @param invocationRates the fixed request rates of the invocation scenarios
 * @param stateRate the fixed request rate of the state scenarios
 * @param startups how many times the sidecar is started to time {@code healthz}
 */
record BenchmarkPlan(
        String name,
        Duration phaseWarmup,
        Duration warmup,
        Duration invocationMeasure,
        Duration stateMeasure,
        List<Integer> invocationRates,
        int stateRate,
        int startups) {

    /** About 9 minutes on a busy 2-core machine (start-ups and timed-out requests take longer under load). */
    static final BenchmarkPlan FULL = new BenchmarkPlan("full", Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(10), List.of(100, 500, 1000), 500, 5);

    /** About 2 minutes: invocation at the one rate the two-sidecar path sustains today, short windows; noisier. */
    static final BenchmarkPlan QUICK = new BenchmarkPlan("quick", Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(4), Duration.ofSeconds(2), List.of(100), 500, 3);
}
