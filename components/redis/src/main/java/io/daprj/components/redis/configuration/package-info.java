/**
 * {@code configuration.redis} on Lettuce: items stored as Dapr stores them ({@code value||version} in string keys),
 * changes watched through Redis keyspace notifications.
 *
 * <p>Starting points: {@link io.daprj.components.redis.configuration.RedisConfigurationStore} and its provider;
 * metadata is {@code RedisConfigurationMetadata}, with Dapr's names. Differences from Dapr: "all keys" are listed
 * with {@code SCAN} rather than {@code KEYS *}; {@code notify-keyspace-events} gets the needed flags added rather
 * than replaced; Redis Cluster and Sentinel are not supported yet.
 */
package io.daprj.components.redis.configuration;
