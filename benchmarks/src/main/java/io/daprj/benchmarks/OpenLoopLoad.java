package io.daprj.benchmarks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * A fixed-rate (open-loop) load generator: request {@code i} is due at {@code start + i / rate}, is sent then (or at
 * once if the generator is late) whatever the earlier ones are doing, and its latency counts from that due time.
 * Requests of the warm-up are sent the same way and not recorded. Not thread safe; one run at a time.
 */
final class OpenLoopLoad {

    /** Requests outstanding beyond this count as errors instead of being sent, so a dead server cannot exhaust memory. */
    private static final int MAX_IN_FLIGHT = 5_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);

    private final Duration warmup;
    private final Duration measure;

    OpenLoopLoad(Duration warmup, Duration measure) {
        this.warmup = requireNonNull(warmup, "warmup");
        this.measure = requireNonNull(measure, "measure");
        if (!measure.isPositive()) {
            throw new IllegalArgumentException("measure: " + measure + " (expected: > 0)");
        }
    }

    LoadResult run(String name, LoadTarget target, int ratePerSecond) throws InterruptedException {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: > 0)");
        }
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        double intervalNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long maxLag = 0;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * intervalNanos);
            if (due >= end) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = due >= measureFrom;
            if (measured) {
                maxLag = Math.max(maxLag, System.nanoTime() - due);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                if (measured) {
                    errors.incrementAndGet();
                }
                continue;
            }
            inFlight.incrementAndGet();
            try {
                target.send(i).whenComplete((result, failure) -> {
                    long latency = System.nanoTime() - due;
                    inFlight.decrementAndGet();
                    if (!measured) {
                        return;
                    }
                    if (failure == null) {
                        recorder.recordValue(Math.max(1, latency / 1_000));
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet("", String.valueOf(failure));
                    }
                });
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                if (measured) {
                    errors.incrementAndGet();
                }
            }
        }
        long drainUntil = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        errors.addAndGet(inFlight.get());
        double seconds = measure.toNanos() / 1e9;
        return new LoadResult(name, ratePerSecond, ok.get() / seconds, ok.get(), errors.get(),
                recorder.getIntervalHistogram(), maxLag / 1_000, 0, firstError.get());
    }
}
