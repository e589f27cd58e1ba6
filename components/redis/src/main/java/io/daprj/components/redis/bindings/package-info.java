/**
 * {@code bindings.redis}: Dapr's Redis output binding ({@code create}, {@code get}, {@code delete},
 * {@code increment} on the string value of request metadata {@code key}).
 *
 * <p>Starting points: {@link io.daprj.components.redis.bindings.RedisOutputBinding} and its provider; metadata is
 * {@link io.daprj.components.redis.RedisSettings}, with Dapr's names.
 *
 * <p>Difference from Dapr: {@code create} with a TTL is one atomic {@code SET … EX} (Dapr sends {@code SET} then
 * {@code EXPIRE}). Redis Cluster and Sentinel are not supported yet.
 */
package io.daprj.components.redis.bindings;
