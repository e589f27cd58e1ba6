package io.daprj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/** Runs the daprj command tree in this JVM with a stand-in sidecar and captures what it prints. */
final class Cli {

    final CompletableFuture<StandInSidecar> sidecar = new CompletableFuture<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    int execute(String... args) {
        CommandLine cli = Daprj.commandLine(options -> {
            StandInSidecar started = new StandInSidecar(options);
            sidecar.complete(started);
            return started;
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
