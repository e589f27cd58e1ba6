/**
 * Test harness that runs the packaged sidecar as a real OS process.
 *
 * <p>Starting points: {@link io.daprj.sdkcompat.harness.DaprdProcess} launches {@code bin/daprd} on free ports and
 * waits for {@code /v1.0/healthz/outbound}; {@link io.daprj.sdkcompat.harness.EchoApp} is the HTTP app invocations
 * reach; {@link io.daprj.sdkcompat.harness.WireClient} speaks raw HTTP to the sidecar;
 * {@link io.daprj.sdkcompat.harness.RecordingApp} is the app pub/sub events and input bindings reach, and
 * {@link io.daprj.sdkcompat.harness.SidecarWithApp} runs it behind a sidecar with the components of a YAML resource;
 * {@link io.daprj.sdkcompat.harness.SidecarLogsOnFailure} prints the sidecars' output when a test fails;
 * {@link io.daprj.sdkcompat.harness.RedisServer} and {@link io.daprj.sdkcompat.harness.PostgresDatabase} read and
 * clean up what a sidecar stored on the servers of this machine; {@link io.daprj.sdkcompat.harness.TopicSubscriberApp}
 * is a pub/sub subscriber app, {@link io.daprj.sdkcompat.harness.SidecarCrash} SIGKILLs a sidecar,
 * {@link io.daprj.sdkcompat.harness.PackagedComponentTypes} lists the component types the distribution can load, and
 * {@link io.daprj.sdkcompat.harness.KafkaBroker} makes sure the test Kafka broker runs.
 */
package io.daprj.sdkcompat.harness;
