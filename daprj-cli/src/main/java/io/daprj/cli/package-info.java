/**
 * The {@code daprj} command: {@code run} (a sidecar in this JVM plus the app as a child process, like
 * {@code dapr run}), {@code list} and {@code stop}.
 *
 * <p>Starting points: {@link io.daprj.cli.Daprj} (main class and the command tree),
 * {@link io.daprj.cli.RunCommand} and {@link io.daprj.cli.RunSession} (what {@code run} does and how the sidecar
 * and the app stop together), {@link io.daprj.cli.RunRegistry} (one JSON file per running instance under
 * {@code $DAPRJ_HOME/run/}, read by {@code list} and {@code stop}). Exit codes: the app's own code when the app
 * ended the run, 0 for a stop asked through the sidecar's API, 1 for a bad flag or a failure of daprj itself.
 */
package io.daprj.cli;
