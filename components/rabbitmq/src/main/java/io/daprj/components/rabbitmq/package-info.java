/**
 * RabbitMQ components on RabbitMQ's own Java client ({@code com.rabbitmq:amqp-client}): {@code pubsub.rabbitmq} in
 * {@code pubsub}, {@code bindings.rabbitmq} in {@code bindings}.
 *
 * <p>Starting points, shared by both: {@link io.daprj.components.rabbitmq.RabbitMqEndpoint} (URI, TLS, SASL,
 * heartbeat → connection factory), {@link io.daprj.components.rabbitmq.RabbitMqConnector} (one connection, opened
 * again on demand after a loss), {@link io.daprj.components.rabbitmq.RabbitMqPublisher} (pooled channels, optional
 * publisher confirms, three attempts) and {@link io.daprj.components.rabbitmq.QueueConsumer} (consumes one queue,
 * acknowledges after the handler, requeues or rejects failures, re-declares and resubscribes after a loss).
 * {@code MessageProperties} and {@code DeliveryMetadata} map Dapr's metadata to AMQP properties and back.
 */
package io.daprj.components.rabbitmq;
