package io.daprj.cli;

import io.daprj.runtime.DaprdOptions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daprj run}: the sidecar (every daprd flag) plus, optionally, the app's command after {@code --}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a sidecar and (optionally) your app side by side, like 'dapr run'.",
            "The app gets APP_ID, APP_PORT, DAPR_HTTP_PORT and DAPR_GRPC_PORT; when one of the two ends, the other is stopped.",
            "HTTP, gRPC and metrics ports that are not given are chosen free."},
        footer = {"", "Examples:",
            "  daprj run --app-id orders --app-port 8080 -- java -jar orders.jar",
            "  daprj run --app-id orders --resources-path ./components   # the sidecar alone"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    DaprdOptions options = new DaprdOptions();

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The app's command line (after --).")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final RunningSidecar.Starter starter;

    RunCommand(RunningSidecar.Starter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() throws Exception {
        if (options.appId.isBlank()) {
            options.appId = "app-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        }
        pickFreePorts(spec.commandLine().getParseResult());
        if (!spec.commandLine().getParseResult().hasMatchedOption("--dapr-listen-addresses")) {
            options.daprListenAddresses = "127.0.0.1"; // a sidecar for a local app: its API stays on loopback
        }
        options.validate();
        RunRegistry registry = RunRegistry.inHome();
        registry.find(options.appId).ifPresent(running -> {
            throw new ParameterException(spec.commandLine(), "app id '" + options.appId + "' is already running (pid "
                    + running.pid() + "); stop it with 'daprj stop --app-id " + options.appId + "' or pick another id");
        });
        return new RunSession(options, command, registry, spec.commandLine().getOut()).run(starter);
    }

    /** daprd's fixed defaults (3500, 50001, 9090) would clash between two runs; dapr run picks free ports instead. */
    private void pickFreePorts(ParseResult parsed) {
        List<Integer> free = FreePorts.pick(3);
        if (!parsed.hasMatchedOption("--dapr-http-port")) {
            options.daprHttpPort = free.get(0);
        }
        if (!parsed.hasMatchedOption("--dapr-grpc-port")) {
            options.daprGrpcPort = free.get(1);
        }
        if (!parsed.hasMatchedOption("--metrics-port")) {
            options.metricsPort = free.get(2);
        }
    }
}
