/**
 * The gRPC API door (port 50001): {@code dapr.proto.runtime.v1.Dapr}.
 *
 * <p>Starting points: {@link io.daprj.runtime.grpc.DaprGrpcService} (one method per RPC, each a thin mapping onto a
 * building-block API), {@link io.daprj.runtime.grpc.StateGrpcMapping} and
 * {@link io.daprj.runtime.grpc.MetadataGrpcMapping} (proto messages to and from the API's types). RPCs not yet built
 * answer UNIMPLEMENTED, which the SDKs understand.
 */
package io.daprj.runtime.grpc;
