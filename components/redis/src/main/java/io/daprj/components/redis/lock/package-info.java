/**
 * {@code lock.redis} on Lettuce, keyed and valued as Dapr's standalone Redis lock, so daprj and daprd share locks.
 *
 * <p>Starting points: {@link io.daprj.components.redis.lock.RedisLockStore} and its provider; metadata is
 * {@code RedisLockMetadata}, with Dapr's names. Difference from Dapr: Sentinel ({@code failover}) is not supported
 * yet and fails init.
 */
package io.daprj.components.redis.lock;
