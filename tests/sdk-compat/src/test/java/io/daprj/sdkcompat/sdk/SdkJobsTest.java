package io.daprj.sdkcompat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dapr.client.DaprClient;
import io.dapr.client.domain.DeleteJobRequest;
import io.dapr.client.domain.GetJobRequest;
import io.dapr.client.domain.GetJobResponse;
import io.dapr.client.domain.JobSchedule;
import io.dapr.client.domain.ScheduleJobRequest;
import io.dapr.exceptions.DaprException;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.EchoedRequest;
import io.daprj.sdkcompat.harness.RecordingApp;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DaprClient.scheduleJob} / {@code getJob} / {@code deleteJob} (gRPC {@code *JobAlpha1} in SDK 1.17.1) on the
 * packaged sidecar with nothing installed, and the triggered job reaching the HTTP app as {@code POST /job/{name}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
class SdkJobsTest {

    private static final Duration CALL = Duration.ofSeconds(20);

    private RecordingApp app;
    private DaprdProcess daprd;
    private DaprClient client;

    @BeforeAll
    void start(@TempDir Path workDir) throws Exception {
        app = RecordingApp.start(null, n -> 200);
        daprd = DaprdProcess.builder("sdk-jobs").daprjHome(workDir.resolve("home")).appPort(app.port()).start();
        client = daprd.newClient();
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (daprd != null) {
            daprd.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void scheduledJobIsReadBackAndDeleted() {
        client.scheduleJob(new ScheduleJobRequest("nightly", JobSchedule.fromString("0 0 2 * * *"))
                .setData("report".getBytes(StandardCharsets.UTF_8)).setRepeat(7)).block(CALL);
        GetJobResponse job = client.getJob(new GetJobRequest("nightly")).block(CALL);
        assertThat(job.getName()).isEqualTo("nightly");
        assertThat(job.getSchedule().getExpression()).isEqualTo("0 0 2 * * *");
        assertThat(job.getRepeats()).isEqualTo(7);
        assertThat(new String(job.getData(), StandardCharsets.UTF_8)).isEqualTo("report");

        client.deleteJob(new DeleteJobRequest("nightly")).block(CALL);
        assertThatThrownBy(() -> client.getJob(new GetJobRequest("nightly")).block(CALL))
                .isInstanceOfSatisfying(DaprException.class, e -> assertThat(e.getErrorCode()).isEqualTo("INTERNAL"));
    }

    @Test
    void dueJobReachesTheAppAsPostJobName() {
        client.scheduleJob(new ScheduleJobRequest("wake-up", Instant.now().plusMillis(500))
                .setData("{\"who\":\"app\"}".getBytes(StandardCharsets.UTF_8))).block(CALL);
        await().atMost(Duration.ofSeconds(15)).until(() -> !calls("/job/wake-up").isEmpty());
        EchoedRequest call = calls("/job/wake-up").getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.body()).isEqualTo("{\"who\":\"app\"}");
        assertThat(call.header("content-type")).startsWith("application/json");
    }

    private List<EchoedRequest> calls(String path) {
        return app.received().stream().filter(r -> r.path().equals(path)).toList();
    }
}
