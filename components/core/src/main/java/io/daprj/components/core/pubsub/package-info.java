/**
 * Pub/sub components with no server to install. Starting points: {@link
 * io.daprj.components.core.pubsub.InMemoryPubSub} ({@code pubsub.in-memory}: one process, every subscriber of a topic
 * gets every message, failed deliveries come again after a bounded backoff) and its provider.
 */
package io.daprj.components.core.pubsub;
