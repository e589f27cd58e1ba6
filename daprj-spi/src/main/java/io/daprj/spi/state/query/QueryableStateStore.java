package io.daprj.spi.state.query;

import io.daprj.spi.state.StateStore;
import java.util.Map;

/**
 * A state store that answers queries over JSON values. Declares {@code QUERY_API}. Values that are not JSON objects
 * never match a filter on a path. Thread safe. A token the store did not produce throws
 * {@link IllegalArgumentException}.
 */
public interface QueryableStateStore extends StateStore {

    QueryResponse query(StateQuery query, Map<String, String> metadata);
}
