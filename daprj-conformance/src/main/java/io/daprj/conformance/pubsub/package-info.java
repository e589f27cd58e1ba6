/**
 * The pub/sub conformance suite: {@link io.daprj.conformance.pubsub.PubSubConformance}, after the cases of Dapr's
 * {@code tests/conformance/pubsub} (redelivery of failed messages, ordering where promised, separate handlers per
 * topic, stopping one subscription, bulk publish) plus an exact check of the declared features.
 */
package io.daprj.conformance.pubsub;
