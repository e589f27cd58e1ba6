package io.daprj.cli;

/** {@code daprj} with a stand-in sidecar, for tests that need a run in a process of its own (signals). */
public final class StandInRunMain {

    private StandInRunMain() {}

    public static void main(String[] args) {
        System.exit(Daprj.commandLine(StandInSidecar::new).execute(args));
    }
}
