/**
 * Name resolution: how one sidecar finds another sidecar's internal gRPC address from an app id.
 *
 * <p>Starting point: {@link io.daprj.spi.nameresolution.NameResolver}. The runtime registers its own
 * {@link io.daprj.spi.nameresolution.Instance} at start and removes it at shutdown.
 */
package io.daprj.spi.nameresolution;
