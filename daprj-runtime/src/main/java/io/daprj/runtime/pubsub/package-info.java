/**
 * The pub/sub building block. Starting points: {@link io.daprj.runtime.pubsub.PubSubApi} (publish and bulk publish
 * for both doors: names, topic scopes, daprd's CloudEvent envelope, TTL as {@code expiration}) and
 * {@link io.daprj.runtime.pubsub.ActiveSubscriptions} (declarative {@code Subscription} resources plus the app's own
 * list, each run by a {@code PubSubDelivery} that applies Dapr's SUCCESS/RETRY/DROP contract and dead-letter topics).
 *
 * <p>Differences from daprd, on purpose or for now: routing-rule {@code match} expressions are a documented subset of
 * CEL ({@code RouteExpression}), because {@code dev.cel:cel} needs protobuf-java 4 while the Dapr protos here are
 * protobuf 3 gencode; resiliency {@code inbound} policies are not applied yet, so a failed delivery goes straight to
 * the dead-letter topic or back to the broker; bulk subscribe and streaming subscriptions are not served yet.
 */
package io.daprj.runtime.pubsub;
