/**
 * End-to-end pub/sub through packaged sidecars running as OS processes, with real crashes.
 *
 * <p>Starting point: {@link io.daprj.sdkcompat.pubsub.AbstractPubSubE2ETest} (a publisher sidecar, a subscriber app
 * behind its own sidecar that is SIGKILLed mid-stream and started again; nothing published is lost), run by one small
 * subclass per broker: {@link io.daprj.sdkcompat.pubsub.EmbeddedSqlitePubSubE2ETest} ({@code pubsub.sqlite}, the
 * embedded default) and {@link io.daprj.sdkcompat.pubsub.RedisPubSubE2ETest} ({@code pubsub.redis}).
 */
package io.daprj.sdkcompat.pubsub;
