/**
 * {@code pubsub.rabbitmq} on RabbitMQ's Java client, in Dapr's topology (a topic is an exchange, a subscription the
 * queue {@code <consumerID>-<topic>} bound to it, optional dead-letter exchange and queue {@code dlx-}/{@code dlq-<queue>}),
 * so daprj and daprd share exchanges and queues.
 *
 * <p>Starting points: {@link io.daprj.components.rabbitmq.pubsub.RabbitMqPubSub} (publish, subscribe) and its
 * provider; {@code SubscriptionTopology} declares a subscription's exchanges, queues and bindings;
 * {@code RabbitMqPubSubMetadata} holds Dapr's metadata names. Connecting, publishing and consuming live in the parent
 * package ({@code RabbitMqConnector}, {@code RabbitMqPublisher}, {@code QueueConsumer}).
 *
 * <p>Differences from Dapr: a message whose handler failed is requeued (after a 500 ms pause) unless it can go to
 * the dead-letter queue ({@code enableDeadLetter} without {@code requeueInFailure}) — daprd drops it when
 * {@code requeueInFailure} is false and no dead-letter queue is set; {@code reconnectWait} is accepted beside
 * {@code reconnectWaitSeconds} and held to at least 100 ms; the published message's content type is the request's
 * (daprd writes {@code text/plain}) unless the metadata names one. {@code clientCert}/{@code clientKey} take PKCS#8
 * keys only.
 */
package io.daprj.components.rabbitmq.pubsub;
