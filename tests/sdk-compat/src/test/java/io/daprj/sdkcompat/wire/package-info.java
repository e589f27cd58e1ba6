/**
 * Raw HTTP tests of the sidecar's wire, with {@code java.net.http}: statuses, empty 204 bodies, {@code ETag} headers,
 * error JSON bodies ({@code errorCode}, {@code message}), the shapes of dapr-api.md §1.4–1.5, §1.16–1.17, and the
 * command line of {@code bin/daprd}.
 *
 * <p>Starting points: {@link io.daprj.sdkcompat.wire.HttpStateWireTest},
 * {@link io.daprj.sdkcompat.wire.HttpInvocationWireTest}, {@link io.daprj.sdkcompat.wire.HttpHealthAndMetadataWireTest},
 * {@link io.daprj.sdkcompat.wire.DaprdCommandLineTest}.
 */
package io.daprj.sdkcompat.wire;
