package io.daprj.benchmarks;

/** One scenario measured on its direct path and through the sidecar(s), at the same fixed rate. */
record Comparison(String scenario, LoadResult direct, LoadResult sidecar) {

    /** Whether both paths answered at least once; otherwise there is nothing to compare. */
    boolean answered() {
        return direct.ok() > 0 && sidecar.ok() > 0;
    }

    double addedMillis(double percentile) {
        return sidecar.millisAt(percentile) - direct.millisAt(percentile);
    }

    double ratio(double percentile) {
        return sidecar.millisAt(percentile) / direct.millisAt(percentile);
    }
}
