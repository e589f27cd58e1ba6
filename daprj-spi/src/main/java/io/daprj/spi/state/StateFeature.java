package io.daprj.spi.state;

/** Optional abilities a state store declares; the names are the ones Dapr reports in metadata capabilities. */
public enum StateFeature {
    /** Writes return an ETag, and writes and deletes honour a given ETag. */
    ETAG,
    /** The store implements {@link TransactionalStateStore}. */
    TRANSACTIONAL,
    /** The request metadata {@code ttlInSeconds} expires a key, and reads return {@code ttlExpireTime}. */
    TTL,
    /** The store answers state queries. */
    QUERY_API,
    /** The store deletes all keys with a prefix. */
    DELETE_WITH_PREFIX,
    /** Added by the runtime for the store flagged {@code actorStateStore}; never declared by a store. */
    ACTOR
}
