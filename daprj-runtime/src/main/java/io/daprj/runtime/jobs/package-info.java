/**
 * The jobs building block with its scheduler embedded in the sidecar. Starting points: {@link
 * io.daprj.runtime.jobs.JobsApi} (schedule, get, delete, list, delete by prefix, for both doors), {@link
 * io.daprj.runtime.jobs.JobScheduler} (the trigger loop that calls the app once it is ready) and {@link
 * io.daprj.runtime.jobs.JobStore} (durable storage; {@link io.daprj.runtime.jobs.SqliteJobStore} keeps {@code
 * jobs.db} under the daprj home, so jobs survive a restart with nothing installed).
 */
package io.daprj.runtime.jobs;
