/**
 * Tests of the Kafka components against a real broker on 127.0.0.1:9092, started by
 * {@link io.daprj.components.kafka.KafkaTestBroker} through {@code scripts/kafka-broker} when it is not running.
 * Every test uses topics and consumer groups of its own.
 */
package io.daprj.components.kafka;
