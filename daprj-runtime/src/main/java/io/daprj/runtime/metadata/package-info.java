/**
 * The metadata building block: what this sidecar runs, as {@code GET /v1.0/metadata} and gRPC {@code GetMetadata}
 * show it. Starting point: {@link io.daprj.runtime.metadata.MetadataApi}, which builds one
 * {@link io.daprj.runtime.metadata.MetadataSnapshot} that both doors render.
 */
package io.daprj.runtime.metadata;
