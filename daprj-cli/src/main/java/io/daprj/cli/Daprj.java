package io.daprj.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** Main class of the {@code daprj} command; {@link #commandLine} builds the command tree. */
@Command(name = "daprj", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs daprj, a Dapr-compatible sidecar, next to your application.",
        footer = {"", "Run 'daprj COMMAND --help' for the flags of a command."})
public final class Daprj implements Runnable {

    /** Exit code of a bad flag or a failure of daprj itself (picocli's default, 2, is not what dapr uses). */
    static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: run, list or stop");
    }

    public static void main(String[] args) {
        System.exit(commandLine(RunningSidecar::start).execute(args));
    }

    /** The command tree; tests pass a stand-in sidecar starter. */
    static CommandLine commandLine(RunningSidecar.Starter starter) {
        CommandLine cli = new CommandLine(new Daprj())
                .addSubcommand(new RunCommand(starter))
                .addSubcommand(new ListCommand())
                .addSubcommand(new StopCommand());
        // Everything from the app's command on belongs to the app, with or without "--" (as in dapr run).
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.setParameterExceptionHandler(Daprj::badArguments);
        cli.setExecutionExceptionHandler(Daprj::failed);
        return cli;
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("daprj: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return FAILURE;
    }

    private static int failed(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        // A bad flag value found by DaprdOptions.validate() names the flag itself; anything else is unexpected.
        err.println("daprj: " + (e instanceof IllegalArgumentException ? e.getMessage() : describe(e)));
        err.flush();
        return FAILURE;
    }

    /** The messages of an exception and its causes, each once (wrappers repeat their cause as "Class: message"). */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            boolean wrapper = t.getCause() != null && String.valueOf(message).equals(t.getCause().toString());
            if (message == null || message.isBlank() || wrapper || text.indexOf(message) >= 0) {
                continue;
            }
            text.append(text.isEmpty() ? "" : ": ").append(message);
        }
        return text.isEmpty() ? e.toString() : text.toString();
    }
}
