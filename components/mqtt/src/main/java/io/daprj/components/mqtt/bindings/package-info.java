/**
 * {@code bindings.mqtt3} on Eclipse Paho (MQTT 3.1.1), input and output, with Dapr's metadata names.
 *
 * <p>Starting points: {@link io.daprj.components.mqtt.bindings.Mqtt3Binding} (operation {@code create}, {@code read})
 * and its provider; {@code Mqtt3Reading} is one running read; {@code Mqtt3BindingMetadata} holds Dapr's names.
 *
 * <p>Differences from Dapr: events are handed to the app one at a time in arrival order (daprd runs them
 * concurrently); a {@code create} request may also set {@code retain}; TLS certificates are not supported yet.
 */
package io.daprj.components.mqtt.bindings;
