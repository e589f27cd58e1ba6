package io.daprj.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DaprdFlagsTest {

    private static String run(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        assertThat(Daprd.run(args, new PrintWriter(err, true))).isEqualTo(expectedExit);
        return err.toString();
    }

    @Test
    void unknownFlagExitsOneWithMessage() {
        assertThat(run(1, "--app-id", "a", "--no-such-flag")).contains("--no-such-flag");
    }

    @Test
    void malformedValueExitsOne() {
        assertThat(run(1, "--dapr-http-port", "abc")).contains("--dapr-http-port");
        assertThat(run(1, "--app-port", "99999")).contains("--app-port");
        assertThat(run(1, "--app-protocol", "smtp")).contains("--app-protocol");
        assertThat(run(1, "--max-body-size", "lots")).contains("--max-body-size");
    }

    @Test
    void goStyleSingleDashFlagsAreAccepted() {
        assertThat(Daprd.normalize(new String[] {"-app-id", "x", "--app-port", "1", "-h"}))
                .containsExactly("--app-id", "x", "--app-port", "1", "-h");
    }

    @Test
    void defaultsAreDaprds() {
        DaprdOptions o = new DaprdOptions();
        new picocli.CommandLine(o).parseArgs();
        o.validate();
        assertThat(o.daprHttpPort).isEqualTo(3500);
        assertThat(o.daprGrpcPort).isEqualTo(50001);
        assertThat(o.metricsPort).isEqualTo(9090);
        assertThat(o.maxBodySizeBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(o.appHealthProbeIntervalValue()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.appHealthProbeTimeoutValue()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.appPortValue()).isEmpty();
    }

    @Test
    void componentsPathIsAnAliasAndRepeatable() {
        DaprdOptions o = new DaprdOptions();
        new picocli.CommandLine(o).parseArgs("--components-path", "/a", "--resources-path", "/b");
        assertThat(o.resourcesPaths).extracting(Object::toString).containsExactly("/a", "/b");
    }

    @Test
    void quantitiesFollowKubernetesUnits() {
        assertThat(Quantity.parseBytes("f", "1Ki")).isEqualTo(1024);
        assertThat(Quantity.parseBytes("f", "2M")).isEqualTo(2_000_000);
        assertThatThrownBy(() -> Quantity.parseBytes("f", "0")).hasMessageContaining("expected: > 0");
    }
}
