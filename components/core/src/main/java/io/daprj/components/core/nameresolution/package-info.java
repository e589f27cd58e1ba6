/**
 * Name resolution with no server to install.
 *
 * <p>Starting point: {@link io.daprj.components.core.nameresolution.SqliteNameResolver}
 * ({@code nameresolution.sqlite}), configured by {@code SqliteNameResolverMetadata}; its SQL is in
 * {@code SqliteHostsTable}. Every sidecar on a machine registers its internal gRPC address in one shared SQLite
 * file and keeps it fresh with a heartbeat; a caller picks a fresh row of the target app at random.
 */
package io.daprj.components.core.nameresolution;
