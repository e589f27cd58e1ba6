package io.daprj.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard the pub/sub benchmark runs per broker.
 *
 * @param burstMessages messages of the throughput burst
 * @param burstWindow how many publishes of the burst may be unconfirmed at once
 * @param phaseWarmup unrecorded fixed-rate load through each path before its first measured run (JIT, connections)
 * @param warmup unrecorded load at the run's own rate before each measured window
 * @param rates the fixed publish rates of the latency runs
 */
record PubSubPlan(String name, int burstMessages, int burstWindow, Duration phaseWarmup, Duration warmup,
        Duration measure, List<Integer> rates) {

    static final PubSubPlan FULL = new PubSubPlan("full", 10_000, 64, Duration.ofSeconds(5), Duration.ofSeconds(3),
            Duration.ofSeconds(10), List.of(50, 200, 500));

    static final PubSubPlan QUICK = new PubSubPlan("quick", 2_000, 64, Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofSeconds(4), List.of(50));
}
