package io.daprj.spi.state.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A parsed state query.
 *
 * @param keyPrefix only keys starting with it are searched (the runtime's {@code appId||}); may be empty
 * @param limit the page size, 0 for all results
 * @param token the opaque token of a previous page, to continue from
 */
public record StateQuery(String keyPrefix, Optional<QueryFilter> filter, List<Sort> sort, int limit, Optional<String> token) {

    /** Sort by the value at {@code key}, ascending unless {@code descending}. */
    public record Sort(String key, boolean descending) {}

    public StateQuery {
        requireNonNull(keyPrefix, "keyPrefix");
        requireNonNull(filter, "filter");
        sort = List.copyOf(sort);
        if (limit < 0) {
            throw new IllegalArgumentException("page.limit: " + limit + " (expected: >= 0)");
        }
        requireNonNull(token, "token");
    }
}
