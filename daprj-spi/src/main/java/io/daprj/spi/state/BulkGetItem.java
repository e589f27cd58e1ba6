package io.daprj.spi.state;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One key of a bulk get: its item (empty when the key does not exist), or the error that reading it raised. */
public record BulkGetItem(String key, Optional<StateItem> item, Optional<String> error) {

    public BulkGetItem {
        requireNonNull(key, "key");
        requireNonNull(item, "item");
        requireNonNull(error, "error");
    }
}
