/**
 * Test harness that runs the packaged sidecar as a real OS process.
 *
 * <p>Starting points: {@link io.daprj.sdkcompat.harness.DaprdProcess} launches {@code bin/daprd} on free ports and
 * waits for {@code /v1.0/healthz/outbound}; {@link io.daprj.sdkcompat.harness.EchoApp} is the HTTP app invocations
 * reach; {@link io.daprj.sdkcompat.harness.WireClient} speaks raw HTTP to the sidecar;
 * {@link io.daprj.sdkcompat.harness.SidecarLogsOnFailure} prints the sidecars' output when a test fails;
 * {@link io.daprj.sdkcompat.harness.RedisServer} and {@link io.daprj.sdkcompat.harness.PostgresDatabase} read and
 * clean up what a sidecar stored on the servers of this machine; {@link io.daprj.sdkcompat.harness.KafkaBroker} makes
 * sure the test Kafka broker runs.
 */
package io.daprj.sdkcompat.harness;
