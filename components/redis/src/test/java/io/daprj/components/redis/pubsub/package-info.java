/**
 * Tests of the Redis Streams broker against the real server on this machine: the pub/sub conformance suite, plus what
 * it cannot see (daprd's entry layout, consumer groups, a dead consumer's pending entries, restarts, trimming). Each
 * class holds a test database of its own and deletes its streams afterwards.
 */
package io.daprj.components.redis.pubsub;
