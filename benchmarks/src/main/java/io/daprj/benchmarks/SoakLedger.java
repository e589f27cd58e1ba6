package io.daprj.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the soak saw, per request kind and phase: successes, errors by cause, latencies, and which saves and
 * publishes the sidecar acknowledged (so the end of the run can check none of them was lost). Thread safe.
 */
final class SoakLedger {

    /** The request kinds, sent in turn. */
    enum Kind { SAVE, GET, INVOKE, PUBLISH }

    /** Where in the run a request was: warming up, around the Redis outage, or outside it. */
    enum Phase {
        WARMUP("warm-up (first 15 s)"), BEFORE("before the outage"), OUTAGE("Redis stopped"), RECOVERY("first 10 s after Redis is back"), AFTER("after");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private final Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();
    private final Map<Kind, LongAdder> ok = new ConcurrentHashMap<>();
    private final Map<Kind, Histogram> latencyOutside = new ConcurrentHashMap<>();
    private final Map<Kind, Histogram> latencyAll = new ConcurrentHashMap<>();
    private final Set<Long> ackedSaves = ConcurrentHashMap.newKeySet();
    private final Set<Long> ackedPublishes = ConcurrentHashMap.newKeySet();

    void success(Kind kind, Phase phase, long latencyNanos) {
        ok.computeIfAbsent(kind, k -> new LongAdder()).increment();
        long micros = Math.max(1, latencyNanos / 1_000);
        latencyAll.computeIfAbsent(kind, k -> new ConcurrentHistogram(3)).recordValue(micros);
        if (phase == Phase.BEFORE || phase == Phase.AFTER) {
            latencyOutside.computeIfAbsent(kind, k -> new ConcurrentHistogram(3)).recordValue(micros);
        }
    }

    void error(Kind kind, Phase phase, String cause) {
        errors.computeIfAbsent(phase.ordinal() + "|" + phase.label + "|" + kind + "|" + cause, k -> new LongAdder()).increment();
    }

    void ackedSave(long n) {
        ackedSaves.add(n);
    }

    void ackedPublish(long n) {
        ackedPublishes.add(n);
    }

    Set<Long> ackedSaves() {
        return ackedSaves;
    }

    Set<Long> ackedPublishes() {
        return ackedPublishes;
    }

    long ok(Kind kind) {
        LongAdder a = ok.get(kind);
        return a == null ? 0 : a.sum();
    }

    /** Error counts keyed by {@code [phase label, kind, cause]}, in phase order. */
    Map<java.util.List<String>, Long> errors() {
        Map<java.util.List<String>, Long> out = new java.util.LinkedHashMap<>();
        new TreeMap<>(errors).forEach((k, v) -> out.put(java.util.List.of(k.split("\\|", 4)).subList(1, 4), v.sum()));
        return out;
    }

    /** The phase a request counts in: the one it was sent in, or "Redis stopped" if it was answered only after that. */
    static Phase of(Phase sent, Phase answered) {
        return sent.ordinal() <= Phase.BEFORE.ordinal() && answered.ordinal() > Phase.BEFORE.ordinal() ? Phase.OUTAGE : sent;
    }

    /** Errors around the outage (Redis stopped and the recovery after it), or outside it (warm-up excluded). */
    long errorCount(boolean aroundOutage) {
        return errors.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(Phase.WARMUP.ordinal() + "|"))
                .filter(e -> e.getKey().startsWith(Phase.OUTAGE.ordinal() + "|") || e.getKey().startsWith(Phase.RECOVERY.ordinal() + "|")
                        ? aroundOutage : !aroundOutage)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Latency in microseconds at {@code percentile}, over requests outside the warm-up and the outage, or over all. */
    long latencyMicros(Kind kind, boolean outsideOnly, double percentile) {
        Histogram h = (outsideOnly ? latencyOutside : latencyAll).get(kind);
        return h == null ? 0 : h.getValueAtPercentile(percentile);
    }
}
