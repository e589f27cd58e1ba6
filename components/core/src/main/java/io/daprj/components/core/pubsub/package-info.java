/**
 * Pub/sub components with no server to install. Starting points: {@link
 * io.daprj.components.core.pubsub.InMemoryPubSub} ({@code pubsub.in-memory}: one process, every subscriber of a topic
 * gets every message, failed deliveries come again after a bounded backoff) and {@link
 * io.daprj.components.core.pubsub.SqlitePubSub} ({@code pubsub.sqlite}: a durable queue in a SQLite file shared by
 * the sidecars of one machine, with consumer groups, claims that lapse when a process dies, and retention), each
 * with its provider.
 *
 * <p>{@code pubsub.sqlite} is daprj's own: Dapr has no SQLite broker. It exists so the embedded default
 * {@code pubsub} works across processes and survives restarts with nothing installed. {@code SqliteQueueTables}
 * holds its SQL (the schema is described there), {@code SqliteSubscription} its poll-claim-deliver loop.
 */
package io.daprj.components.core.pubsub;
