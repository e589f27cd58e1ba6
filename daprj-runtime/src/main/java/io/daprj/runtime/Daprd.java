package io.daprj.runtime;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/daprd}: the sidecar process. Takes daprd's flags (Go's single-dash spelling too), serves until SIGTERM or
 * an API shutdown, and exits 1 with a clear message on a bad flag or a failed start.
 */
@Command(name = "daprd", mixinStandardHelpOptions = true, versionProvider = Daprd.Version.class,
        description = "The daprj sidecar: Dapr's HTTP and gRPC APIs for one application.")
public final class Daprd implements Callable<Integer> {

    @Mixin
    DaprdOptions options = new DaprdOptions();

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true)));
    }

    /** Parses, starts and serves; returns the exit code. */
    static int run(String[] args, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Daprd());
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("daprd: " + ex.getMessage());
            err.println("Run 'daprd --help' for the flags.");
            return 1;
        });
        cmd.setExecutionExceptionHandler((ex, c, p) -> {
            err.println("daprd: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cmd.execute(normalize(args));
    }

    @Override
    public Integer call() throws Exception {
        options.validate();
        Logging.configure(options.logLevel, options.logAsJson, options.appId);
        Sidecar sidecar = Sidecar.start(options);
        Thread hook = new Thread(sidecar::close, "daprd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        sidecar.shutdownRequested().join();
        sidecar.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook closes the sidecar again, which is harmless
        }
        return 0;
    }

    /** Go's flag package accepts {@code -app-id}; picocli wants {@code --app-id}. */
    static String[] normalize(String[] args) {
        return Arrays.stream(args)
                .map(a -> a.matches("-[a-z][a-z0-9-]+(=.*)?") ? "-" + a : a)
                .toArray(String[]::new);
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Daprd.class.getPackage().getImplementationVersion();
            return new String[] {"daprj " + (v == null ? "dev" : v) + " (Dapr API "
                    + io.daprj.runtime.metadata.MetadataApi.DAPR_RUNTIME_VERSION + ")"};
        }
    }
}
