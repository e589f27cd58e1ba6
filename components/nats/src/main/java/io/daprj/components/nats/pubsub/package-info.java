/**
 * {@code pubsub.jetstream} on jnats, in Dapr's layout (a topic is a subject of an existing stream; each subscription a
 * push consumer filtered to its topic, durable under {@code durableName}; the CloudEvent id as {@code Nats-Msg-Id}) so
 * daprj and daprd share streams and consumers.
 *
 * <p>Starting points: {@link io.daprj.components.nats.pubsub.JetStreamPubSub} (connect, publish, subscribe) and its
 * provider; {@code JetStreamTopicSubscription} runs one subscription (dispatcher, ack after the handler, nak on
 * failure); {@code JetStreamPubSubMetadata} holds Dapr's metadata names and builds the consumer configuration.
 *
 * <p>Differences from Dapr: TLS client certificates ({@code tls_client_cert}, {@code tls_client_key}) are not supported
 * yet and fail init; a subscription that is closed waits for its running handlers, and naks what arrives meanwhile.
 */
package io.daprj.components.nats.pubsub;
