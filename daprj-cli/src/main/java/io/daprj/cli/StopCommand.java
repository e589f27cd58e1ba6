package io.daprj.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daprj stop}: asks a running {@code daprj run} to stop gracefully (SIGTERM) and waits for it. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stops a running daprj instance (its app and its sidecar) gracefully.")
final class StopCommand implements Callable<Integer> {

    @Option(names = {"-a", "--app-id"}, required = true, paramLabel = "ID", description = "The app id to stop.")
    String appId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for it to exit (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRegistry registry = RunRegistry.inHome();
        Optional<RunRecord> found = registry.find(appId);
        Optional<ProcessHandle> process = found.flatMap(run -> ProcessHandle.of(run.pid()));
        if (process.isEmpty()) {
            err.println("daprj: no running instance with app id '" + appId + "' (see 'daprj list')");
            err.flush();
            return Daprj.FAILURE;
        }
        RunRecord run = found.get();
        if (!process.get().destroy()) {
            err.println("daprj: cannot signal pid " + run.pid() + " of app id '" + appId + "'");
            err.flush();
            return Daprj.FAILURE;
        }
        try {
            process.get().onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            err.println("daprj: app id '" + appId + "' (pid " + run.pid() + ") did not stop within " + timeoutSeconds + "s");
            err.flush();
            return Daprj.FAILURE;
        }
        registry.remove(run); // normally the run removed it itself; not when it was killed hard
        out.println("daprj: stopped app id '" + appId + "' (pid " + run.pid() + ")");
        out.flush();
        return 0;
    }
}
