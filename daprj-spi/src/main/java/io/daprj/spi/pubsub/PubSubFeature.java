package io.daprj.spi.pubsub;

/** Optional abilities a pub/sub component declares; the names are the ones Dapr reports in metadata capabilities. */
public enum PubSubFeature {
    /** The broker expires messages itself from the request metadata {@code ttlInSeconds}; without it the runtime does. */
    MESSAGE_TTL,
    /** Topics may be subscribed with wildcards such as {@code orders/#}. */
    SUBSCRIBE_WILDCARDS,
    /** {@link PubSub#bulkPublish} is native (one broker call), not the default loop over {@link PubSub#publish}. */
    BULK_PUBLISH
}
