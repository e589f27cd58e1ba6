/**
 * Service invocation, written once for HTTP and gRPC callers.
 *
 * <p>Starting points: {@link io.daprj.runtime.invoke.InvokeApi} (to this sidecar's own app through its
 * {@link io.daprj.runtime.invoke.AppChannel}, or to another app's sidecar through
 * {@link io.daprj.runtime.invoke.InternalInvokeClient}), {@link io.daprj.runtime.invoke.InternalInvokeService} (the
 * receiving end on the internal gRPC port), {@link io.daprj.runtime.invoke.HttpAppChannel} and
 * {@link io.daprj.runtime.invoke.GrpcAppChannel}. The internal hop carries the call as
 * {@code dapr.proto.runtime.v1.Dapr/InvokeService}, HTTP headers in gRPC metadata and the app's status and headers
 * in trailers, so that TLS (mTLS) can later be switched on for that one port.
 */
package io.daprj.runtime.invoke;
