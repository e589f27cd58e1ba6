package io.daprj.spi.state.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of query results, and the token of the next page when there may be more.
 */
public record QueryResponse(List<Item> results, Optional<String> token) {

    /** A matching key (as stored) with its value and ETag. */
    public record Item(String key, byte[] data, Optional<String> etag) {
        public Item {
            requireNonNull(key, "key");
            requireNonNull(data, "data");
            requireNonNull(etag, "etag");
        }
    }

    public QueryResponse {
        results = List.copyOf(results);
        requireNonNull(token, "token");
    }
}
