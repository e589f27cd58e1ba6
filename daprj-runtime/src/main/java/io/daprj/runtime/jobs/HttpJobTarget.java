package io.daprj.runtime.jobs;

import io.dapr.v1.DaprJobsProtos.Job;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;

/** An HTTP app receives {@code POST /job/{name}} with the job's data as the JSON body. */
final class HttpJobTarget implements JobTarget {

    private final AppChannel channel;

    HttpJobTarget(AppChannel channel) {
        this.channel = channel;
    }

    @Override
    public boolean trigger(Job job) {
        return channel.invoke(new InvokeRequest("job/" + job.getName(), "POST", "", Headers.EMPTY,
                JobData.httpBody(job.getData()), "application/json")).ok();
    }
}
