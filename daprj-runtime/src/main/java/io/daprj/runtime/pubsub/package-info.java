/**
 * The pub/sub building block. Starting points: {@link io.daprj.runtime.pubsub.PubSubApi} (publish and bulk publish
 * for both doors: names, topic scopes, daprd's CloudEvent envelope, TTL as {@code expiration}),
 * {@link io.daprj.runtime.pubsub.ActiveSubscriptions} (declarative {@code Subscription} resources plus the app's own
 * list, each run by a {@code PubSubDelivery} that applies Dapr's SUCCESS/RETRY/DROP contract and dead-letter topics,
 * or by a {@code BulkDelivery} that batches messages for {@code bulkSubscribe}) and
 * {@link io.daprj.runtime.pubsub.StreamingSubscriptions} ({@code SubscribeTopicEventsAlpha1} streams, each a
 * {@code StreamingSubscription} that waits for the client's answer per event).
 *
 * <p>Differences from daprd, on purpose or for now: routing-rule {@code match} expressions are a documented subset of
 * CEL ({@code RouteExpression}), because {@code dev.cel:cel} needs protobuf-java 4 while the Dapr protos here are
 * protobuf 3 gencode; resiliency {@code inbound} policies are not applied yet, so a failed delivery goes straight to
 * the dead-letter topic or back to the broker; a bulk batch holds only as many messages as the component hands over at
 * once (its {@code concurrency}), since a message is acknowledged only after the app answered for it.
 */
package io.daprj.runtime.pubsub;
