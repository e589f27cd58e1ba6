package io.daprj.spi.state.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One node of a query filter. Keys are dot-separated paths into the stored JSON value ({@code person.org}); values
 * are JSON scalars as Java objects: {@link String}, {@link java.math.BigDecimal}, {@link Boolean}.
 */
public sealed interface QueryFilter {

    /** The comparison operators. */
    enum Op { EQ, NEQ, GT, GTE, LT, LTE }

    /** {@code key <op> value}. */
    record Comparison(Op op, String key, Object value) implements QueryFilter {
        public Comparison {
            requireNonNull(op, "op");
            requireNonNull(key, "key");
            requireNonNull(value, "value");
        }
    }

    /** {@code key} equals one of {@code values}. */
    record In(String key, List<Object> values) implements QueryFilter {
        public In {
            requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    /** All of {@code filters}. */
    record And(List<QueryFilter> filters) implements QueryFilter {
        public And {
            filters = List.copyOf(filters);
        }
    }

    /** Any of {@code filters}. */
    record Or(List<QueryFilter> filters) implements QueryFilter {
        public Or {
            filters = List.copyOf(filters);
        }
    }
}
