/**
 * Load, latency, memory and start-up benchmarks of the packaged sidecar ({@code bin/daprd}), each against its
 * direct path, run by {@code benchmarks/run} and written to {@code docs/performance.md}.
 *
 * <p>Starting points: {@link io.daprj.benchmarks.BenchmarkMain} (the scenarios, in order),
 * {@link io.daprj.benchmarks.OpenLoopLoad} (the fixed-rate generator: latency is measured from the intended send
 * time, so a stalled server cannot hide its stall — no coordinated omission), {@link io.daprj.benchmarks.SidecarProcess}
 * (one sidecar process, its start-up time, RSS and CPU), {@link io.daprj.benchmarks.PubSubBenchmarkMain} (pub/sub
 * through two sidecars vs each broker's own client; one {@code PubSubBroker} entry per broker).
 */
package io.daprj.benchmarks;
