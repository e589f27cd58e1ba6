package io.daprj.runtime.grpc;

import io.dapr.v1.DaprJobsProtos;
import io.daprj.runtime.jobs.JobsApi;

/** The jobs RPCs of the 1.17 protos ({@code *Alpha1}) onto {@link JobsApi}. */
final class JobsGrpcMapping {

    private JobsGrpcMapping() {}

    static DaprJobsProtos.ScheduleJobResponse schedule(JobsApi jobs, DaprJobsProtos.ScheduleJobRequest r) {
        if (!r.hasJob()) {
            throw io.daprj.runtime.errors.DaprError.DAPR_SCHEDULER_EMPTY.with("job is empty");
        }
        jobs.schedule(r.getJob(), r.getOverwrite());
        return DaprJobsProtos.ScheduleJobResponse.getDefaultInstance();
    }

    static DaprJobsProtos.GetJobResponse get(JobsApi jobs, DaprJobsProtos.GetJobRequest r) {
        return DaprJobsProtos.GetJobResponse.newBuilder().setJob(jobs.get(r.getName())).build();
    }

    static DaprJobsProtos.DeleteJobResponse delete(JobsApi jobs, DaprJobsProtos.DeleteJobRequest r) {
        jobs.delete(r.getName());
        return DaprJobsProtos.DeleteJobResponse.getDefaultInstance();
    }

    static DaprJobsProtos.ListJobsResponseAlpha1 list(JobsApi jobs) {
        return DaprJobsProtos.ListJobsResponseAlpha1.newBuilder().addAllJobs(jobs.list()).build();
    }

    static DaprJobsProtos.DeleteJobsByPrefixResponseAlpha1 deleteByPrefix(JobsApi jobs,
            DaprJobsProtos.DeleteJobsByPrefixRequestAlpha1 r) {
        jobs.deleteByPrefix(r.getNamePrefix());
        return DaprJobsProtos.DeleteJobsByPrefixResponseAlpha1.getDefaultInstance();
    }
}
