/**
 * {@code state.redis} on Lettuce, in Dapr's storage layout so that daprj and daprd can share a Redis database.
 *
 * <p>Starting points: {@link io.daprj.components.redis.state.RedisStateStore} and its provider. The Lua scripts
 * beside the classes ({@code read.lua}, {@code write.lua}) hold the logic that must be atomic on the server:
 * {@code RedisWriteBatch} turns writes into their arguments, {@code RedisReadReply} decodes what reads return,
 * {@code RedisScript} runs a script by its SHA-1. Metadata is {@code RedisStateMetadata}, with Dapr's names.
 *
 * <p>Differences from Dapr's store, all towards the state conformance suite: a transaction is all or nothing
 * (Dapr's MULTI applies the writes before a failed one); a write with an ETag to a missing key, and first-write on
 * a key last written without first-write, fail; a write without a TTL clears an earlier TTL; TTL is set in the same
 * atomic step as the value; reads report {@code ttlExpireTime}; an ETag is honoured under last-write too.
 */
package io.daprj.components.redis.state;
