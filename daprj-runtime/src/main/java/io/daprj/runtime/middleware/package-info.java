/**
 * The HTTP middleware pipelines of the Configuration: {@code spec.httpPipeline} in front of the sidecar's HTTP API,
 * {@code spec.appHttpPipeline} on calls from the sidecar to an HTTP app.
 *
 * <p>Starting points: {@link io.daprj.runtime.middleware.PipelineSpec} (the handlers as written),
 * {@link io.daprj.runtime.middleware.MiddlewarePipeline} (the handlers bound to loaded
 * {@code middleware.http.*} components, run in order) and {@link io.daprj.runtime.middleware.HttpPipelineDecorator}
 * (the pipeline as an Armeria decorator on the HTTP API server).
 */
package io.daprj.runtime.middleware;
