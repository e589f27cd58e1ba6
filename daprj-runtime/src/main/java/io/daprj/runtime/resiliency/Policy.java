package io.daprj.runtime.resiliency;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The resiliency policy of one target: each attempt runs under the timeout (when set) and through the circuit
 * breaker (when set); a failed attempt is retried as the retry policy says. {@link #NONE} runs the call once, on the
 * caller's thread.
 */
public final class Policy {

    /** No timeout, no retries, no breaker. */
    public static final Policy NONE = new Policy(null, null, null);

    /** Told each time a part of the policy acts (for {@code dapr_resiliency_activations_total}). */
    @FunctionalInterface
    public interface Activations {
        /**
         * @param policy {@code timeout}, {@code retry} or {@code circuitbreaker}
         * @param status the breaker's state when it refused a call, else empty
         */
        void activated(String policy, String status);
    }

    private final Duration timeout;
    private final RetrySpec retry;
    private final CircuitBreaker breaker;
    private final Activations activations;

    /** Each part may be null: that part is off. */
    public Policy(Duration timeout, RetrySpec retry, CircuitBreaker breaker) {
        this(timeout, retry, breaker, (policy, status) -> { });
    }

    /** Like the other constructor, reporting each activation to {@code activations}. */
    public Policy(Duration timeout, RetrySpec retry, CircuitBreaker breaker, Activations activations) {
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? null : timeout;
        this.retry = retry;
        this.breaker = breaker;
        this.activations = activations;
    }

    /** Thrown when an attempt outlives the policy's timeout (daprd's message: "context deadline exceeded"). */
    public static final class TimeoutExceededException extends RuntimeException {
        TimeoutExceededException(Duration timeout) {
            super("context deadline exceeded (resiliency timeout " + timeout.toMillis() + " ms)", null, false, false);
        }
    }

    public boolean isNone() {
        return timeout == null && retry == null && breaker == null;
    }

    public boolean hasRetry() {
        return retry != null;
    }

    /** The breaker, when the policy has one (for tests and metrics). */
    public java.util.Optional<CircuitBreaker> breaker() {
        return java.util.Optional.ofNullable(breaker);
    }

    /** Runs a call whose every exception is a failure ({@link Failure#OTHER}) unless {@code classify} says otherwise. */
    public <T> T call(Supplier<T> op, Function<RuntimeException, Failure> classify) {
        return call(op, result -> null, classify);
    }

    /**
     * Runs {@code op} under the policy.
     *
     * @param resultFailure the failure a returned result stands for (a non-2xx response, say), or null for success;
     *     when retries run out on a failed result, that result is returned
     * @param classify the failure an exception stands for
     */
    public <T> T call(Supplier<T> op, Function<T, Failure> resultFailure, Function<RuntimeException, Failure> classify) {
        if (isNone()) {
            return op.get();
        }
        for (int retries = 0; ; retries++) {
            T result = null;
            RuntimeException error = null;
            Failure failure;
            long generation = breaker == null ? 0 : -1;
            try {
                if (breaker != null) {
                    generation = breaker.before();
                }
                result = attempt(op);
                failure = resultFailure.apply(result);
            } catch (CircuitBreaker.OpenException e) {
                error = e;
                failure = Failure.OTHER;
                activations.activated("circuitbreaker", e.getMessage().startsWith("too many") ? "half-open" : "open");
            } catch (TimeoutExceededException e) {
                error = e;
                failure = Failure.OTHER;
                activations.activated("timeout", "");
            } catch (RuntimeException e) {
                error = e;
                failure = classify.apply(e);
            }
            if (breaker != null && generation >= 0) {
                breaker.after(generation, failure == null || failure.kind() == Failure.Kind.PERMANENT);
            }
            if (failure == null) {
                return result;
            }
            if (retry == null || !retry.matches(failure) || !retry.allowsAnother(retries)) {
                if (error != null) {
                    throw error;
                }
                return result;
            }
            activations.activated("retry", "");
            pause(retry.delay(retries));
        }
    }

    private <T> T attempt(Supplier<T> op) {
        if (timeout == null) {
            return op.get();
        }
        FutureTask<T> task = new FutureTask<>(op::get);
        Thread.ofVirtual().name("resiliency-attempt").start(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new TimeoutExceededException(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the call", e);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between retries", e);
        }
    }
}
