package io.daprj.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * The measured window of one fixed-rate run. Latencies are in microseconds, from the intended send time to the
 * complete response.
 *
 * @param targetRate requests per second the generator was asked for
 * @param achievedRate successful responses per second over the measured window
 * @param maxSendLagMicros how late the generator itself sent its latest request (large = generator overloaded)
 * @param sidecarCpu CPU used by the sidecars during the run, in cores (0.25 = 250 mCPU); 0 for direct runs
 * @param firstError the first failure seen in the measured window, or empty
 */
record LoadResult(
        String name,
        int targetRate,
        double achievedRate,
        long ok,
        long errors,
        Histogram latencyMicros,
        long maxSendLagMicros,
        double sidecarCpu,
        String firstError) {

    double millisAt(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    LoadResult withSidecarCpu(double cores) {
        return new LoadResult(name, targetRate, achievedRate, ok, errors, latencyMicros, maxSendLagMicros, cores, firstError);
    }
}
