/**
 * {@code bindings.kafka}: {@link io.daprj.components.kafka.bindings.KafkaBinding} (input and output) and its
 * provider. Publishing and reading are the shared pieces of {@link io.daprj.components.kafka}.
 */
package io.daprj.components.kafka.bindings;
