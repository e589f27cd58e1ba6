/**
 * Tests that span this module's components: {@code ProvidersTest} (ServiceLoader registration) and
 * {@code SharedFileAcrossProcessesTest}, which runs {@code SharedFileChildProcess} as a second OS process on the
 * same SQLite file, as a second sidecar on the machine would.
 */
package io.daprj.components.core;
