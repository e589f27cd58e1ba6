package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.ETagMismatchException;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateItem;
import io.daprj.spi.state.StateStore;
import io.daprj.spi.state.StateTtl;
import io.daprj.spi.state.TransactionalStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture under every state conformance case: one fresh store per test, keys under a random per-test prefix,
 * and the reads and waits the cases share. Part of {@link StateStoreConformance}; extend that, not this.
 */
public abstract class StateStoreFixture {

    /** Longest a 1-2 s TTL may take to show; generous for slow CI machines. */
    protected static final Duration EXPIRY_BOUND = Duration.ofSeconds(6);

    /** The store under test; created before and closed after each test. */
    protected StateStore store;

    private String prefix;

    /** A new store, {@code init} already called. */
    protected abstract StateStore newStore() throws Exception;

    /** The optional features this store must declare; never {@link StateFeature#ACTOR}. */
    protected abstract Set<StateFeature> expectedFeatures();

    /**
     * What this store throws for an ETag it cannot have produced. Dapr accepts either {@code ETagInvalidException}
     * or {@link ETagMismatchException}; a store whose ETags are opaque strings can only say "mismatch".
     */
    protected Class<? extends RuntimeException> foreignEtagException() {
        return ETagMismatchException.class;
    }

    @BeforeEach
    final void openStore() throws Exception {
        store = newStore();
        prefix = "conf-" + UUID.randomUUID() + "-";
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** A key unique to the running test. */
    protected final String key(String name) {
        return prefix + name;
    }

    protected final void requireFeature(StateFeature feature) {
        assumeTrue(expectedFeatures().contains(feature), () -> "store does not declare " + feature);
    }

    protected final TransactionalStateStore transactional() {
        requireFeature(StateFeature.TRANSACTIONAL);
        return (TransactionalStateStore) store;
    }

    protected final String text(String key) {
        return new String(data(key), StandardCharsets.UTF_8);
    }

    protected final byte[] data(String key) {
        return store.get(get(key)).orElseThrow(() -> new AssertionError("no value under " + key)).data();
    }

    protected final String etag(String key) {
        return store.get(get(key)).orElseThrow().etag().orElseThrow(() -> new AssertionError("no etag on " + key));
    }

    protected static Instant expireTime(StateItem item) {
        String raw = item.metadata().get(StateTtl.TTL_EXPIRE_TIME);
        assertThat(raw).as(StateTtl.TTL_EXPIRE_TIME).isNotNull();
        return OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The key keeps {@code value} and has no expiry for longer than a 1 s TTL would have allowed. */
    protected final void assertStaysWithoutExpiry(String key, String value) {
        assertThat(store.get(get(key)).orElseThrow().metadata()).doesNotContainKey(StateTtl.TTL_EXPIRE_TIME);
        await().during(Duration.ofMillis(1800)).atMost(Duration.ofSeconds(4))
                .until(() -> store.get(get(key))
                        .map(i -> value.equals(new String(i.data(), StandardCharsets.UTF_8))).orElse(false));
    }

    protected static Map<String, BulkGetItem> byKey(List<BulkGetItem> items) {
        assertThat(items).extracting(BulkGetItem::key).doesNotHaveDuplicates();
        return items.stream().collect(Collectors.toMap(BulkGetItem::key, Function.identity()));
    }

    /** Runs {@code n} attempts at once; an attempt that throws ETagMismatchException counts as a loss. */
    protected static List<Boolean> race(int n, Function<Integer, Callable<Boolean>> attempt) throws Exception {
        List<Boolean> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Boolean> call = attempt.apply(i);
                futures.add(threads.submit(() -> {
                    try {
                        return call.call();
                    } catch (ETagMismatchException e) {
                        return false;
                    }
                }));
            }
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
        }
        return results;
    }
}
