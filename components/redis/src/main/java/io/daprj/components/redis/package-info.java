/**
 * What the Redis components of this module share: {@link io.daprj.components.redis.RedisSettings}, Dapr's Redis
 * connection metadata turned into a Lettuce URI and client options. The components are in {@code state},
 * {@code pubsub}, {@code lock} and {@code bindings}.
 */
package io.daprj.components.redis;
