package io.daprj.runtime.jobs;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.CommonProtos.HTTPExtension;
import io.dapr.v1.DaprAppCallbackProtos.JobEventRequest;
import io.dapr.v1.DaprJobsProtos.Job;
import java.time.Duration;

/**
 * A gRPC app receives {@code AppCallbackAlpha/OnJobEventAlpha1} (the 1.17 protos have no stable {@code OnJobEvent});
 * any error status is a failed trigger.
 */
final class GrpcJobTarget implements JobTarget {

    private final AppCallbackAlphaGrpc.AppCallbackAlphaBlockingStub stub;

    GrpcJobTarget(String host, int port) {
        this.stub = GrpcClients.builder("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build(AppCallbackAlphaGrpc.AppCallbackAlphaBlockingStub.class);
    }

    @Override
    public boolean trigger(Job job) {
        stub.onJobEventAlpha1(JobEventRequest.newBuilder()
                .setName(job.getName())
                .setData(job.getData())
                .setMethod("job/" + job.getName())
                .setContentType("application/json")
                .setHttpExtension(HTTPExtension.newBuilder().setVerb(HTTPExtension.Verb.POST))
                .build());
        return true;
    }
}
