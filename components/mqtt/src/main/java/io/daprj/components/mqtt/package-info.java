/**
 * What the MQTT components share: {@link io.daprj.components.mqtt.MqttConnection} (one Paho client with manual
 * acknowledgements, tagged by connection), {@link io.daprj.components.mqtt.SequentialDelivery} (in-order handling with
 * ack after the verdict and local retries), {@link io.daprj.components.mqtt.BackOff} (Dapr's retry settings) and
 * {@link io.daprj.components.mqtt.MqttUrl} (Dapr's broker URL forms).
 *
 * <p>Why local retries: MQTT 3.1.1 lets a broker re-send an unacknowledged message only when the client reconnects
 * with a kept session ({@code cleanSession} false), never within a connection. A message the handler refused is
 * therefore retried here; it is acknowledged only once taken, and whatever is left unacknowledged (retries exhausted,
 * component closed, sidecar killed) the broker sends again on the next connection of the same client id.
 */
package io.daprj.components.mqtt;
