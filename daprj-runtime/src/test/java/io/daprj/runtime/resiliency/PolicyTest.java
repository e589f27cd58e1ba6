package io.daprj.runtime.resiliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Timeouts, retries and breakers composed by one policy. */
class PolicyTest {

    private static RetrySpec constant(int maxRetries, String httpCodes) {
        return new RetrySpec(false, Duration.ofMillis(1), Duration.ofSeconds(1), maxRetries,
                StatusCodeSet.parse(httpCodes, 100, 599), StatusCodeSet.ALL);
    }

    @Test
    void retriesAFailingCallUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = new Policy(null, constant(5, ""), null).call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("down");
            }
            return "ok";
        }, e -> Failure.OTHER);
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void stopsAfterMaxRetriesAndThrowsTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new Policy(null, constant(2, ""), null).call(() -> {
            throw new IllegalStateException("down " + calls.incrementAndGet());
        }, e -> Failure.OTHER)).hasMessage("down 3");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> new Policy(null, constant(5, ""), null).call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad request");
        }, Failure::ofComponentError)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void failedResultsAreRetriedOnlyForMatchingCodesAndTheLastOneIsReturned() {
        AtomicInteger calls = new AtomicInteger();
        Policy policy = new Policy(null, constant(2, "500-599"), null);
        int status = policy.call(() -> calls.incrementAndGet() == 1 ? 503 : 404,
                s -> s == 200 ? null : Failure.http(s), e -> Failure.OTHER);
        assertThat(status).isEqualTo(404);
        assertThat(calls).hasValue(2);
        calls.set(0);
        assertThat(policy.call(() -> {
            calls.incrementAndGet();
            return 502;
        }, s -> Failure.http(s), e -> Failure.OTHER)).isEqualTo(502);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aSlowAttemptTimesOutAndIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        String result = new Policy(Duration.ofMillis(100), constant(1, ""), null).call(() -> {
            if (calls.incrementAndGet() == 1) {
                sleep(5_000);
            }
            return "second";
        }, e -> Failure.OTHER);
        assertThat(result).isEqualTo("second");
        assertThatThrownBy(() -> new Policy(Duration.ofMillis(50), null, null).call(() -> {
            sleep(5_000);
            return "never";
        }, e -> Failure.OTHER)).isInstanceOf(Policy.TimeoutExceededException.class)
                .hasMessageContaining("context deadline exceeded");
    }

    @Test
    void anOpenBreakerFailsFastWithoutCallingTheTarget() {
        AtomicInteger calls = new AtomicInteger();
        CircuitBreaker cb = new CircuitBreaker("cb", new CircuitBreaker.Spec(1, Duration.ZERO, Duration.ofMinutes(1),
                TripCondition.parse("consecutiveFailures >= 2")));
        Policy policy = new Policy(null, null, cb);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> policy.call(() -> {
                calls.incrementAndGet();
                throw new IllegalStateException("down");
            }, e -> Failure.OTHER)).hasMessage("down");
        }
        assertThatThrownBy(() -> policy.call(() -> calls.incrementAndGet(), e -> Failure.OTHER))
                .isInstanceOf(CircuitBreaker.OpenException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void exponentialDelaysGrowAndStayUnderMaxInterval() {
        RetrySpec exp = new RetrySpec(true, Duration.ZERO, Duration.ofSeconds(2), -1, StatusCodeSet.ALL, StatusCodeSet.ALL);
        assertThat(exp.delay(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(exp.delay(20)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(exp.allowsAnother(1_000)).isTrue();
    }

    @Test
    void statusCodeListsTakeCodesAndRanges() {
        StatusCodeSet codes = StatusCodeSet.parse("429, 500-503", 100, 599);
        assertThat(codes.contains(429)).isTrue();
        assertThat(codes.contains(502)).isTrue();
        assertThat(codes.contains(504)).isFalse();
        assertThatThrownBy(() -> StatusCodeSet.parse("700", 100, 599)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusCodeSet.parse("5-x", 0, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
