package io.daprj.runtime.jobs;

import io.dapr.v1.DaprJobsProtos.Job;
import io.daprj.runtime.errors.DaprError;
import io.grpc.Status.Code;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The jobs building block for both doors: validates a job as daprd does, keeps it in the {@link JobStore} and tells
 * the {@link JobScheduler} to look again. Jobs belong to this sidecar's app id and namespace.
 */
public final class JobsApi {

    private final JobStore store;
    private final JobScheduler scheduler;

    /** Jobs kept in the scheduler's store. */
    public JobsApi(JobScheduler scheduler) {
        this.store = scheduler.store();
        this.scheduler = scheduler;
    }

    /** Schedules {@code job}; with {@code overwrite} false an existing job of that name is an error. */
    public void schedule(Job job, boolean overwrite) {
        if (job.getName().isEmpty()) {
            throw DaprError.DAPR_SCHEDULER_JOB_NAME_EMPTY.with("job name is empty");
        }
        if (job.getSchedule().isEmpty() && job.getDueTime().isEmpty()) {
            throw DaprError.DAPR_SCHEDULER_SCHEDULE_EMPTY.with("job schedule and dueTime are both empty: at least one "
                    + "is needed");
        }
        if (job.hasRepeats() && job.getRepeats() < 0) {
            throw invalid("repeats " + job.getRepeats() + " (expected: >= 0)");
        }
        Instant created = Instant.now();
        Instant first;
        try {
            first = JobTiming.first(job, created);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        StoredJob stored = new StoredJob(job, created, first, 0, 0, ThreadLocalRandom.current().nextLong());
        boolean saved;
        try {
            saved = store.put(stored, overwrite);
        } catch (RuntimeException e) {
            throw DaprError.DAPR_SCHEDULER_SCHEDULE_JOB.with("failed to schedule job " + job.getName() + ": "
                    + e.getMessage());
        }
        if (!saved) {
            throw DaprError.DAPR_SCHEDULER_SCHEDULE_JOB.with("failed to schedule job " + job.getName()
                    + ": job already exists", 409, Code.ALREADY_EXISTS);
        }
        scheduler.wake();
    }

    /** The job named {@code name}; an unknown one is a 500 {@code DAPR_SCHEDULER_GET_JOB}, as in daprd. */
    public Job get(String name) {
        try {
            return store.get(name).map(StoredJob::job).orElseThrow(() -> DaprError.DAPR_SCHEDULER_GET_JOB.with(
                    "failed to get job " + name + ": job not found"));
        } catch (IllegalStateException e) {
            throw DaprError.DAPR_SCHEDULER_GET_JOB.with("failed to get job " + name + ": " + e.getMessage());
        }
    }

    /** Removes the job; removing an unknown one succeeds. */
    public void delete(String name) {
        if (name.isEmpty()) {
            throw DaprError.DAPR_SCHEDULER_JOB_NAME_EMPTY.with("job name is empty");
        }
        try {
            store.delete(name);
        } catch (IllegalStateException e) {
            throw DaprError.DAPR_SCHEDULER_DELETE_JOB.with("failed to delete job " + name + ": " + e.getMessage());
        }
        scheduler.wake();
    }

    public List<Job> list() {
        try {
            return store.list().stream().map(StoredJob::job).toList();
        } catch (IllegalStateException e) {
            throw DaprError.DAPR_SCHEDULER_LIST_JOBS.with("failed to list jobs: " + e.getMessage());
        }
    }

    /** Removes every job whose name starts with {@code prefix}; an empty prefix removes them all. */
    public void deleteByPrefix(String prefix) {
        try {
            store.deleteByPrefix(prefix);
        } catch (IllegalStateException e) {
            throw DaprError.DAPR_SCHEDULER_DELETE_JOB.with("failed to delete jobs by prefix " + prefix + ": "
                    + e.getMessage());
        }
        scheduler.wake();
    }

    private static RuntimeException invalid(String message) {
        return DaprError.DAPR_SCHEDULER_SCHEDULE_JOB.with("failed to schedule job: " + message, 400,
                Code.INVALID_ARGUMENT);
    }
}
