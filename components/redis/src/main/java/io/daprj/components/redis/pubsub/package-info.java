/**
 * {@code pubsub.redis} on Lettuce and Redis Streams, in Dapr's layout (one stream per topic, the payload in the
 * entry field {@code data}, consumer group and consumer both named {@code consumerID}) so daprj and daprd share
 * streams.
 *
 * <p>Starting points: {@link io.daprj.components.redis.pubsub.RedisPubSub} (publish, subscribe) and its provider;
 * {@code RedisStreamSubscription} runs a subscription's read loop (XREADGROUP) and reclaim loop (XPENDING, XCLAIM);
 * {@code RedisStreamFields} maps an entry to a message; {@code RedisPubSubMetadata} holds Dapr's metadata names.
 *
 * <p>Differences from Dapr: a handler that fails leaves its entry pending for redelivery (daprd acknowledges it,
 * having retried in its resiliency layer already), so nothing is lost without a dead-letter topic; entries this
 * process is still handling are claimed again before {@code processingTimeout} instead of having the handler
 * cancelled, so a slow live handler is not raced by another consumer; Sentinel, Cluster, {@code redisMaxRetries} and
 * the pool options are not supported yet.
 */
package io.daprj.components.redis.pubsub;
