/**
 * Tests of the JetStream broker against the real NATS server on this machine: the pub/sub conformance suite, plus
 * what it cannot see (durable consumers across a restart, de-duplication by CloudEvent id, missing streams). Each class
 * creates the streams it uses and deletes them afterwards.
 */
package io.daprj.components.nats.pubsub;
