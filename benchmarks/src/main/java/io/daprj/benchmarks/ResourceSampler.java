package io.daprj.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the resident memory of some sidecars every 100 ms and keeps the highest value seen per sidecar. */
final class ResourceSampler implements AutoCloseable {

    private final Map<SidecarProcess, Long> peaks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rss-sampler").factory());

    ResourceSampler(List<SidecarProcess> sidecars) {
        timer.scheduleAtFixedRate(() -> sidecars.forEach(s -> peaks.merge(s, s.residentBytes(), Math::max)),
                0, 100, TimeUnit.MILLISECONDS);
    }

    long peakBytes(SidecarProcess sidecar) {
        return peaks.getOrDefault(sidecar, 0L);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
