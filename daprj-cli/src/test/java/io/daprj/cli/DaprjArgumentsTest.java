package io.daprj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaprjArgumentsTest {

    @Test
    void versionPrintsTheProjectVersion() {
        Cli cli = new Cli();
        assertThat(cli.execute("--version")).isZero();
        assertThat(cli.out()).startsWith("daprj 0.").doesNotContain("${").contains("Java 25");
    }

    @Test
    void helpListsTheCommands() {
        Cli cli = new Cli();
        assertThat(cli.execute("--help")).isZero();
        assertThat(cli.out()).contains("run", "list", "stop");
    }

    @Test
    void runHelpShowsDaprdFlags() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--help")).isZero();
        assertThat(cli.out()).contains("--app-id", "--app-port", "--dapr-http-port", "--resources-path", "COMMAND");
    }

    @Test
    void unknownFlagFailsWithExitCodeOneAndNamesTheFlag() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "a", "--no-such-flag")).isEqualTo(1);
        assertThat(cli.err()).contains("--no-such-flag");
        assertThat(cli.sidecar).isNotDone();
    }

    @Test
    void unknownCommandFailsWithExitCodeOne() {
        Cli cli = new Cli();
        assertThat(cli.execute("launch")).isEqualTo(1);
        assertThat(cli.err()).contains("launch");
    }

    @Test
    void noCommandFailsWithExitCodeOne() {
        Cli cli = new Cli();
        assertThat(cli.execute()).isEqualTo(1);
        assertThat(cli.err()).contains("Missing command");
    }

    @Test
    void malformedPortFailsBeforeTheSidecarStarts() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "a", "--app-port", "eighty")).isEqualTo(1);
        assertThat(cli.err()).contains("--app-port").contains("eighty");
        assertThat(cli.sidecar).isNotDone();
    }

    @Test
    void badProtocolValueFailsNamingTheFlag() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "a", "--app-protocol", "ftp")).isEqualTo(1);
        assertThat(cli.err()).contains("--app-protocol");
    }

    @Test
    void stopNeedsAnAppId() {
        Cli cli = new Cli();
        assertThat(cli.execute("stop")).isEqualTo(1);
        assertThat(cli.err()).contains("--app-id");
    }

    @Test
    void listRejectsAnUnknownOutputFormat() {
        Cli cli = new Cli();
        assertThat(cli.execute("list", "--output", "xml")).isEqualTo(1);
        assertThat(cli.err()).contains("xml");
    }

    @Test
    void appIdWithASlashIsRejected() {
        Cli cli = new Cli();
        assertThat(cli.execute("run", "--app-id", "../evil")).isEqualTo(1);
        assertThat(cli.err()).contains("--app-id");
    }
}
