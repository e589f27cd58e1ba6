package io.daprj.runtime.jobs;

import io.dapr.v1.CommonProtos.JobFailurePolicy;
import io.dapr.v1.DaprJobsProtos.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a job fires: first, next after a trigger (schedule, repeats, ttl), and again after a failed trigger. */
final class JobTiming {

    /** Dapr's default failure policy: constant retry every second, at most three times. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final int DEFAULT_MAX_RETRIES = 3;

    private JobTiming() {}

    /** @throws IllegalArgumentException when the schedule, due time or ttl cannot be read */
    static Instant first(Job job, Instant created) {
        Optional<JobSchedule> schedule = schedule(job);
        expiry(job, created);
        if (job.hasDueTime() && !job.getDueTime().isEmpty()) {
            return JobTimes.at(job.getDueTime(), created);
        }
        return schedule.orElseThrow().next(created);
    }

    /** The next firing after the trigger planned at {@code stored.next()}, the {@code fired}-th; empty when done. */
    static Optional<Instant> after(StoredJob stored, int fired, Instant now) {
        Job job = stored.job();
        Optional<JobSchedule> schedule = schedule(job);
        if (schedule.isEmpty() || (job.hasRepeats() && job.getRepeats() > 0 && fired >= job.getRepeats())) {
            return Optional.empty();
        }
        Instant next = schedule.get().next(stored.next());
        if (next.isBefore(now)) {
            next = schedule.get().next(now); // triggers missed while down fire once, not once each
        }
        return expired(stored, next) || next.equals(Instant.MAX) ? Optional.empty() : Optional.of(next);
    }

    /** Whether the job's ttl has passed at {@code at}. */
    static boolean expired(StoredJob stored, Instant at) {
        return expiry(stored.job(), stored.created()).map(at::isAfter).orElse(false);
    }

    /** When to try a failed trigger again ({@code attempts} failures so far); empty when the policy gives up. */
    static Optional<Instant> retryAt(Job job, int attempts, Instant now) {
        Duration interval = DEFAULT_INTERVAL;
        long maxRetries = DEFAULT_MAX_RETRIES;
        if (job.hasFailurePolicy()) {
            JobFailurePolicy policy = job.getFailurePolicy();
            if (!policy.hasConstant()) {
                return Optional.empty(); // drop
            }
            var constant = policy.getConstant();
            interval = constant.hasInterval() ? Duration.ofSeconds(constant.getInterval().getSeconds(),
                    constant.getInterval().getNanos()) : Duration.ZERO;
            maxRetries = constant.hasMaxRetries() ? constant.getMaxRetries() : Long.MAX_VALUE;
        }
        return attempts <= maxRetries ? Optional.of(now.plus(interval)) : Optional.empty();
    }

    private static Optional<JobSchedule> schedule(Job job) {
        return job.hasSchedule() && !job.getSchedule().isEmpty()
                ? Optional.of(JobSchedule.parse(job.getSchedule())) : Optional.empty();
    }

    private static Optional<Instant> expiry(Job job, Instant created) {
        return job.hasTtl() && !job.getTtl().isEmpty() ? Optional.of(JobTimes.at(job.getTtl(), created)) : Optional.empty();
    }
}
