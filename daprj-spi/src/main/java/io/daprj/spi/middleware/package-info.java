/**
 * The HTTP middleware contract, after Dapr's components-contrib {@code middleware.http}: components of type
 * {@code middleware.http.<name>} that the Configuration's {@code httpPipeline} (the sidecar's HTTP API) and
 * {@code appHttpPipeline} (calls from the sidecar to an HTTP app) chain in order.
 *
 * <p>Starting points: {@link io.daprj.spi.middleware.HttpMiddleware} (one link of the chain),
 * {@link io.daprj.spi.middleware.MiddlewareRequest} and {@link io.daprj.spi.middleware.MiddlewareResponse} (the
 * buffered request and response a link sees), {@link io.daprj.spi.middleware.MiddlewareChain} (the rest of the chain).
 */
package io.daprj.spi.middleware;
