package io.daprj.runtime.resiliency;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One circuit breaker, with the state machine Dapr's breakers have: <em>closed</em> (calls pass; the counts restart
 * every {@code interval} when it is positive; the {@code trip} condition over them opens the breaker),
 * <em>open</em> (calls fail at once for {@code timeout}), then <em>half-open</em> (up to {@code maxRequests} calls
 * pass: that many successes close the breaker, one failure opens it again). A result of a call that began before the
 * last state change is ignored.
 */
public final class CircuitBreaker {

    /** The breaker's states; the numbers are those of Dapr's {@code dapr_resiliency_cb_state} metric labels. */
    public enum State {
        CLOSED, HALF_OPEN, OPEN
    }

    /**
     * A named circuit breaker policy.
     *
     * @param maxRequests calls let through while half-open (default 1)
     * @param interval how often a closed breaker clears its counts (0, the default, = never)
     * @param timeout how long the breaker stays open (default 60s)
     * @param trip when a closed breaker opens (default {@code consecutiveFailures > 5})
     */
    public record Spec(int maxRequests, Duration interval, Duration timeout, TripCondition trip) {

        /** Parses one entry of {@code spec.policies.circuitBreakers}. */
        public static Spec parse(JsonNode node) {
            String trip = node.path("trip").asText("");
            return new Spec(Math.max(1, node.path("maxRequests").asInt(1)),
                    RetrySpec.duration(node, "interval", Duration.ZERO),
                    RetrySpec.duration(node, "timeout", Duration.ofSeconds(60)),
                    trip.isBlank() ? TripCondition.DEFAULT : TripCondition.parse(trip));
        }
    }

    /** Thrown instead of calling while the breaker is open, or half-open with all its trial calls in flight. */
    public static final class OpenException extends RuntimeException {
        OpenException(String message) {
            super(message, null, false, false);
        }
    }

    private final String name;
    private final Spec spec;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private long generation;
    private long expiry;
    private long requests;
    private long totalSuccesses;
    private long totalFailures;
    private long consecutiveSuccesses;
    private long consecutiveFailures;

    public CircuitBreaker(String name, Spec spec) {
        this(name, spec, System::nanoTime);
    }

    CircuitBreaker(String name, Spec spec, LongSupplier nanoClock) {
        this.name = name;
        this.spec = spec;
        this.clock = nanoClock;
        newGeneration(clock.getAsLong());
    }

    /**
     * Admits one call and returns its generation, to be passed to {@link #after}.
     *
     * @throws OpenException when the breaker does not let the call through
     */
    public synchronized long before() {
        long now = clock.getAsLong();
        refresh(now);
        if (state == State.OPEN) {
            throw new OpenException("circuit breaker is open (" + name + ")");
        }
        if (state == State.HALF_OPEN && requests >= spec.maxRequests()) {
            throw new OpenException("too many requests: circuit breaker is half-open (" + name + ")");
        }
        requests++;
        return generation;
    }

    /** Records the outcome of a call admitted in {@code callGeneration}. */
    public synchronized void after(long callGeneration, boolean success) {
        long now = clock.getAsLong();
        refresh(now);
        if (callGeneration != generation) {
            return;
        }
        if (success) {
            totalSuccesses++;
            consecutiveSuccesses++;
            consecutiveFailures = 0;
            if (state == State.HALF_OPEN && consecutiveSuccesses >= spec.maxRequests()) {
                moveTo(State.CLOSED, now);
            }
        } else {
            totalFailures++;
            consecutiveFailures++;
            consecutiveSuccesses = 0;
            if (state == State.HALF_OPEN || (state == State.CLOSED && spec.trip().test(counts()))) {
                moveTo(State.OPEN, now);
            }
        }
    }

    public synchronized State state() {
        refresh(clock.getAsLong());
        return state;
    }

    public String name() {
        return name;
    }

    private TripCondition.Counts counts() {
        return new TripCondition.Counts(requests, totalSuccesses, totalFailures, consecutiveSuccesses, consecutiveFailures);
    }

    private void refresh(long now) {
        if (state == State.CLOSED && expiry != 0 && now - expiry >= 0) {
            newGeneration(now);
        } else if (state == State.OPEN && now - expiry >= 0) {
            moveTo(State.HALF_OPEN, now);
        }
    }

    private void moveTo(State next, long now) {
        state = next;
        newGeneration(now);
    }

    private void newGeneration(long now) {
        generation++;
        requests = 0;
        totalSuccesses = 0;
        totalFailures = 0;
        consecutiveSuccesses = 0;
        consecutiveFailures = 0;
        expiry = switch (state) {
            case CLOSED -> spec.interval().isZero() ? 0 : nonZero(now + spec.interval().toNanos());
            case OPEN -> now + spec.timeout().toNanos();
            case HALF_OPEN -> 0;
        };
    }

    private static long nonZero(long t) {
        return t == 0 ? 1 : t;
    }
}
