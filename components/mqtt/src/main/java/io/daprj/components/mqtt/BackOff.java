package io.daprj.components.mqtt;

import io.daprj.spi.GoDuration;
import java.time.Duration;

/**
 * How a component waits between attempts at a message the handler failed, after Dapr's retry settings
 * ({@code backOffPolicy}, {@code backOffDuration}, {@code backOffInitialInterval}, {@code backOffMaxInterval},
 * {@code backOffMaxRetries}): a constant delay, or one growing by half each time up to the maximum. No jitter.
 *
 * @param exponential grow the delay (else constant)
 * @param duration the constant delay
 * @param initialInterval the first exponential delay
 * @param maxInterval the largest exponential delay
 * @param maxRetries retries after the first attempt; -1 for no limit
 */
public record BackOff(boolean exponential, Duration duration, Duration initialInterval, Duration maxInterval,
        long maxRetries) {

    private static final double MULTIPLIER = 1.5;

    public BackOff {
        requirePositive("backOffDuration", duration);
        requirePositive("backOffInitialInterval", initialInterval);
        requirePositive("backOffMaxInterval", maxInterval);
        if (maxRetries < -1) {
            throw new IllegalArgumentException(
                    "metadata field 'backOffMaxRetries': " + maxRetries + " (expected: -1 for no limit, or 0 or more)");
        }
    }

    /** A constant delay, as Dapr's MQTT binding waits. */
    public static BackOff constant(Duration duration, long maxRetries) {
        return new BackOff(false, duration, duration, duration, maxRetries);
    }

    /** True when {@code retriesDone} retries are all there may be. */
    public boolean exhausted(long retriesDone) {
        return maxRetries >= 0 && retriesDone >= maxRetries;
    }

    /** The wait before retry number {@code retry} (0-based). */
    public Duration delay(long retry) {
        if (!exponential) {
            return duration;
        }
        double millis = initialInterval.toMillis() * Math.pow(MULTIPLIER, Math.min(retry, 64));
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }

    private static void requirePositive(String field, Duration d) {
        if (!d.isPositive()) {
            throw new IllegalArgumentException(
                    "metadata field '" + field + "': " + GoDuration.format(d) + " (expected: more than 0s)");
        }
    }
}
