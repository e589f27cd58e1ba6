/**
 * The official Dapr Java SDK ({@code io.dapr:dapr-sdk}), unchanged, against the packaged sidecar.
 *
 * <p>Starting points: {@link io.daprj.sdkcompat.sdk.AbstractSdkStateTest} (every state call, run against the embedded
 * SQLite {@code statestore}, a {@code state.in-memory} component, Redis and PostgreSQL),
 * {@link io.daprj.sdkcompat.sdk.AbstractSdkQueryTest} ({@code queryState} on every store with the query API),
 * {@link io.daprj.sdkcompat.sdk.AbstractSdkEncryptedStateTest} (encrypted state, raw values read behind the sidecar),
 * {@link io.daprj.sdkcompat.sdk.SdkSecretsTest}, {@link io.daprj.sdkcompat.sdk.SdkComponentSecretRefTest},
 * {@link io.daprj.sdkcompat.sdk.SdkInvocationTest} (invokeMethod through one and two sidecars),
 * {@link io.daprj.sdkcompat.sdk.SdkMetadataAndShutdownTest}, {@link io.daprj.sdkcompat.sdk.SdkMaxBodySizeTest}.
 * Classes for stores in separate component modules carry {@link io.daprj.sdkcompat.sdk.RequiresComponentModule}.
 * The SDK makes state, secrets, query, metadata and shutdown calls over gRPC and invocation over HTTP.
 */
package io.daprj.sdkcompat.sdk;
