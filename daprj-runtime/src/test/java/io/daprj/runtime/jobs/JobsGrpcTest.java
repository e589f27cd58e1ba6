package io.daprj.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.dapr.v1.AppCallbackAlphaGrpc;
import io.dapr.v1.DaprAppCallbackProtos.JobEventRequest;
import io.dapr.v1.DaprAppCallbackProtos.JobEventResponse;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprJobsProtos;
import io.dapr.v1.DaprJobsProtos.Job;
import io.daprj.runtime.DaprdOptions;
import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs RPCs of the 1.17 protos, and a triggered job delivered to a gRPC app's {@code OnJobEventAlpha1}. */
class JobsGrpcTest {

    static final class App extends AppCallbackAlphaGrpc.AppCallbackAlphaImplBase {
        final List<JobEventRequest> events = new CopyOnWriteArrayList<>();

        @Override
        public void onJobEventAlpha1(JobEventRequest r, StreamObserver<JobEventResponse> out) {
            events.add(r);
            out.onNext(JobEventResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    @TempDir
    static Path home;
    static final App app = new App();
    static Server appServer;
    static Sidecar sidecar;
    static DaprGrpc.DaprBlockingStub dapr;

    @BeforeAll
    static void start() throws Exception {
        appServer = Server.builder().http(0).service(GrpcService.builder().addService(app).build()).build();
        appServer.start().join();
        DaprdOptions options = TestSidecars.options("grpc-jobs", TestSidecars.inMemoryResources(home), null,
                "--app-port", Integer.toString(appServer.activeLocalPort()), "--app-protocol", "grpc");
        options.environment = Map.of("DAPRJ_HOME", home.toString());
        sidecar = Sidecar.start(options);
        dapr = GrpcClients.newClient("http://127.0.0.1:" + sidecar.grpcPort(), DaprGrpc.DaprBlockingStub.class);
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        appServer.stop().join();
    }

    private static void schedule(Job job) {
        dapr.scheduleJobAlpha1(DaprJobsProtos.ScheduleJobRequest.newBuilder().setJob(job).build());
    }

    @Test
    void scheduleGetListAndDeleteByPrefix() {
        Any data = Any.newBuilder().setValue(ByteString.copyFromUtf8("raw")).build();
        schedule(Job.newBuilder().setName("batch-1").setSchedule("0 0 3 * * *").setData(data).build());
        schedule(Job.newBuilder().setName("batch-2").setDueTime("PT1H").build());
        schedule(Job.newBuilder().setName("other").setDueTime("1h").setTtl("2h").build());

        Job got = dapr.getJobAlpha1(DaprJobsProtos.GetJobRequest.newBuilder().setName("batch-1").build()).getJob();
        assertThat(got.getSchedule()).isEqualTo("0 0 3 * * *");
        assertThat(got.getData()).isEqualTo(data);
        assertThat(dapr.listJobsAlpha1(DaprJobsProtos.ListJobsRequestAlpha1.getDefaultInstance()).getJobsList())
                .extracting(Job::getName).contains("batch-1", "batch-2", "other");

        dapr.deleteJobsByPrefixAlpha1(DaprJobsProtos.DeleteJobsByPrefixRequestAlpha1.newBuilder()
                .setNamePrefix("batch-").build());
        assertThat(dapr.listJobsAlpha1(DaprJobsProtos.ListJobsRequestAlpha1.getDefaultInstance()).getJobsList())
                .extracting(Job::getName).contains("other").doesNotContain("batch-1", "batch-2");
        dapr.deleteJobAlpha1(DaprJobsProtos.DeleteJobRequest.newBuilder().setName("other").build());
        assertThatThrownBy(() -> dapr.getJobAlpha1(DaprJobsProtos.GetJobRequest.newBuilder().setName("other").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertReason(e, Status.Code.INTERNAL,
                        "DAPR_SCHEDULER_GET_JOB"));
    }

    @Test
    void badJobsAreInvalidArguments() {
        assertThatThrownBy(() -> schedule(Job.newBuilder().setDueTime("1s").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertReason(e, Status.Code.INVALID_ARGUMENT,
                        "DAPR_SCHEDULER_JOB_NAME_EMPTY"));
        assertThatThrownBy(() -> schedule(Job.newBuilder().setName("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertReason(e, Status.Code.INVALID_ARGUMENT,
                        "DAPR_SCHEDULER_SCHEDULE_EMPTY"));
        assertThatThrownBy(() -> schedule(Job.newBuilder().setName("x").setSchedule("@every soon").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertReason(e, Status.Code.INVALID_ARGUMENT,
                        "DAPR_SCHEDULER_SCHEDULE_JOB"));
        assertThatThrownBy(() -> dapr.scheduleJobAlpha1(DaprJobsProtos.ScheduleJobRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertReason(e, Status.Code.INVALID_ARGUMENT,
                        "DAPR_SCHEDULER_EMPTY"));
    }

    @Test
    void triggeredJobReachesTheGrpcApp() {
        Any data = Any.newBuilder().setTypeUrl("type.googleapis.com/google.protobuf.StringValue")
                .setValue(ByteString.copyFromUtf8("\n\u0002hi")).build();
        schedule(Job.newBuilder().setName("ping").setDueTime("0s").setData(data).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> !app.events.isEmpty());
        JobEventRequest event = app.events.getFirst();
        assertThat(event.getName()).isEqualTo("ping");
        assertThat(event.getMethod()).isEqualTo("job/ping");
        assertThat(event.getData()).isEqualTo(data);
    }

    private static void assertReason(StatusRuntimeException e, Status.Code code, String reason) {
        assertThat(e.getStatus().getCode()).isEqualTo(code);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).isNotNull();
        assertThat(status.getDetailsList()).anySatisfy(d -> assertThat(d.getValue().toStringUtf8()).contains(reason));
    }
}
