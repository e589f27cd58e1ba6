/**
 * Apache Kafka on the official client, shared by {@code pubsub.kafka} and {@code bindings.kafka}.
 *
 * <p>Starting points: {@link io.daprj.components.kafka.KafkaMetadata} (Dapr's metadata names and defaults),
 * {@link io.daprj.components.kafka.KafkaClients} (admin client, producer, consumers of one component),
 * {@link io.daprj.components.kafka.KafkaRecords} (request metadata to record key, partition and headers, and back),
 * {@link io.daprj.components.kafka.KafkaTopicReader} (a consumer-group member that commits only after the handler
 * returned and retries a refused record in place, so order per partition holds).
 *
 * <p>Differences from Dapr: only {@code authType: none} (no SASL, mTLS, OIDC, AWS IAM, schema registry yet); the
 * Java client's partitioner (murmur2) places a {@code partitionKey} on another partition than daprd's (FNV-1a), so
 * daprd and daprj publishing the same keys to one topic do not share a key's order; a subscription waits until the
 * group assigned it partitions (at most 15 s) before it returns; a refused message is retried until taken (Dapr's
 * {@code backOff*} options are not read; {@code consumeRetryEnabled: false} skips it, as Dapr's binding does by
 * default); {@code version} is only checked (the Java client negotiates protocol versions); missing topics are
 * created when a subscription starts.
 */
package io.daprj.components.kafka;
