package io.daprj.runtime.resiliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's state machine on a clock the test moves. */
class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private CircuitBreaker breaker(int maxRequests, Duration interval, String trip) {
        return new CircuitBreaker("cb", new CircuitBreaker.Spec(maxRequests, interval, Duration.ofSeconds(10),
                TripCondition.parse(trip)), now::get);
    }

    private void fail(CircuitBreaker cb) {
        cb.after(cb.before(), false);
    }

    private void succeed(CircuitBreaker cb) {
        cb.after(cb.before(), true);
    }

    @Test
    void opensWhenTheTripConditionHoldsAndRefusesCallsUntilTheTimeout() {
        CircuitBreaker cb = breaker(1, Duration.ZERO, "consecutiveFailures > 2");
        fail(cb);
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(cb::before).isInstanceOf(CircuitBreaker.OpenException.class).hasMessageContaining("open");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void aSuccessBetweenFailuresResetsTheConsecutiveCount() {
        CircuitBreaker cb = breaker(1, Duration.ZERO, "consecutiveFailures >= 2");
        fail(cb);
        succeed(cb);
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void halfOpenLetsMaxRequestsThroughThenClosesOnThatManySuccesses() {
        CircuitBreaker cb = breaker(2, Duration.ZERO, "consecutiveFailures >= 1");
        fail(cb);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        long first = cb.before();
        long second = cb.before();
        assertThatThrownBy(cb::before).isInstanceOf(CircuitBreaker.OpenException.class).hasMessageContaining("half-open");
        cb.after(first, true);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        cb.after(second, true);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailureWhileHalfOpenOpensAgain() {
        CircuitBreaker cb = breaker(1, Duration.ZERO, "consecutiveFailures >= 1");
        fail(cb);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void theIntervalClearsTheCountsOfAClosedBreaker() {
        CircuitBreaker cb = breaker(1, Duration.ofSeconds(5), "totalFailures >= 2");
        fail(cb);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(cb);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void resultsOfCallsFromAnEarlierGenerationAreIgnored() {
        CircuitBreaker cb = breaker(1, Duration.ZERO, "consecutiveFailures >= 1");
        long old = cb.before();
        fail(cb);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        cb.after(old, true);
        assertThat(cb.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void tripExpressionsCombineWithAndAndOr() {
        TripCondition c = TripCondition.parse("requests > 3 && totalFailures >= 2 || consecutiveFailures > 9");
        assertThat(c.test(new TripCondition.Counts(4, 2, 2, 0, 2))).isTrue();
        assertThat(c.test(new TripCondition.Counts(3, 1, 2, 0, 2))).isFalse();
        assertThat(c.test(new TripCondition.Counts(10, 0, 10, 0, 10))).isTrue();
        assertThatThrownBy(() -> TripCondition.parse("failures > 3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TripCondition.parse("consecutiveFailures >")).isInstanceOf(IllegalArgumentException.class);
    }
}
