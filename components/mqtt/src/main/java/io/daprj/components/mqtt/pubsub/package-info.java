/**
 * {@code pubsub.mqtt3} on Eclipse Paho (MQTT 3.1.1), with Dapr's metadata names.
 *
 * <p>Starting points: {@link io.daprj.components.mqtt.pubsub.Mqtt3PubSub} (connect, publish, subscribe, route) and its
 * provider; {@code Mqtt3Subscription} holds one topic filter and its in-order delivery; {@code Mqtt3PubSubMetadata}
 * holds Dapr's names.
 *
 * <p>Differences from Dapr: a failed message is retried in the component with Dapr's {@code backOff*} settings
 * (default: every 5 s until taken) before anything else of its subscription is delivered, where daprd hands the
 * failure to its resiliency policy and leaves the message unacknowledged until the next connection; messages of one
 * subscription are delivered one at a time in arrival order (daprd runs them concurrently); TLS certificates
 * ({@code caCert}, {@code clientCert}, {@code clientKey}) are not supported yet.
 */
package io.daprj.components.mqtt.pubsub;
