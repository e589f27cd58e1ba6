package io.daprj.runtime.jobs;

import io.dapr.v1.DaprJobsProtos.Job;
import java.time.Instant;

/**
 * A job as the store keeps it: what the app scheduled, when, when it fires next, how often it fired and how many
 * failed attempts the current trigger has had. {@code generation} changes when the job is replaced, so the trigger
 * loop never writes its progress over a newer job of the same name.
 */
public record StoredJob(Job job, Instant created, Instant next, int fired, int attempts, long generation) {

    String name() {
        return job.getName();
    }

    StoredJob progressed(Instant newNext, int newFired, int newAttempts) {
        return new StoredJob(job, created, newNext, newFired, newAttempts, generation);
    }
}
