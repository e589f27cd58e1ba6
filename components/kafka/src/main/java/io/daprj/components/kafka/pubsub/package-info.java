/**
 * {@code pubsub.kafka}: {@link io.daprj.components.kafka.pubsub.KafkaPubSub} and its provider. Publishing and
 * reading are the shared pieces of {@link io.daprj.components.kafka}.
 */
package io.daprj.components.kafka.pubsub;
