/**
 * The official Dapr Java SDK ({@code io.dapr:dapr-sdk}), unchanged, against the packaged sidecar.
 *
 * <p>Starting points: {@link io.daprj.sdkcompat.sdk.AbstractSdkStateTest} (every state call, run against the embedded
 * SQLite {@code statestore} and a {@code state.in-memory} component), {@link io.daprj.sdkcompat.sdk.SdkInvocationTest}
 * (invokeMethod through one and two sidecars), {@link io.daprj.sdkcompat.sdk.SdkMetadataAndShutdownTest},
 * {@link io.daprj.sdkcompat.sdk.SdkMaxBodySizeTest}.
 * The SDK makes state, metadata and shutdown calls over gRPC and invocation over HTTP.
 */
package io.daprj.sdkcompat.sdk;
