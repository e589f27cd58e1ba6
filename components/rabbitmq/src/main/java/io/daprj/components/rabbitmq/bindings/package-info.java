/**
 * {@code bindings.rabbitmq} on RabbitMQ's Java client: one queue, read as an input binding (acknowledged after the
 * app took the event, requeued when it refused) and written by the output operation {@code create}.
 *
 * <p>Starting points: {@link io.daprj.components.rabbitmq.bindings.RabbitMqBinding} and its provider;
 * {@code RabbitMqBindingMetadata} holds Dapr's metadata names.
 *
 * <p>Differences from Dapr: {@code create} waits for the broker's publisher confirm; a refused event is requeued
 * after a 500 ms pause instead of at once; {@code reconnectWait} is accepted beside {@code reconnectWaitInSeconds};
 * {@code clientCert}/{@code clientKey} take PKCS#8 keys only.
 */
package io.daprj.components.rabbitmq.bindings;
