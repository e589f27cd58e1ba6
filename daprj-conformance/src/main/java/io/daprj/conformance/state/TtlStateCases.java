package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.firstWrite;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static io.daprj.conformance.state.StateRequests.setWithTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.StateTtl;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code ttlInSeconds}: expiry and {@code ttlExpireTime} for stores declaring {@link StateFeature#TTL};
 * for the others, that the TTL is ignored without error, as Dapr documents for stores without TTL support.
 * Part of {@link StateStoreConformance}; extend that, not this.
 */
public abstract class TtlStateCases extends EtagStateCases {

    @Test
    void nonIntegerTtlIsRejected() {
        requireFeature(StateFeature.TTL);
        assertThatThrownBy(() -> store.set(setWithTtl(key("k"), "1", "abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(get(key("k")))).isEmpty();
    }

    @Test
    void keyWithTtlExpires() {
        requireFeature(StateFeature.TTL);
        store.set(setWithTtl(key("k"), "\"soon gone\"", "2"));
        assertThat(text(key("k"))).isEqualTo("\"soon gone\"");
        await().atMost(EXPIRY_BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> store.get(get(key("k"))).isEmpty());
        assertThat(store.bulkGet(List.of(get(key("k"))))).singleElement()
                .satisfies(item -> assertThat(item.item()).isEmpty());
    }

    @Test
    void keyWithoutTtlHasNoExpireTime() {
        store.set(set(key("k"), "1"));
        assertThat(store.get(get(key("k"))).orElseThrow().metadata()).doesNotContainKey(StateTtl.TTL_EXPIRE_TIME);
    }

    @Test
    void getReportsTtlExpireTimeInRfc3339() {
        requireFeature(StateFeature.TTL);
        Instant before = Instant.now();
        store.set(setWithTtl(key("k"), "1", "3600"));
        Instant expires = expireTime(store.get(get(key("k"))).orElseThrow());
        assertThat(expires).isCloseTo(before.plusSeconds(3600), within(10, ChronoUnit.SECONDS));
    }

    @Test
    void bulkGetReportsTtlExpireTimeOnlyForKeysWithTtl() {
        requireFeature(StateFeature.TTL);
        Instant before = Instant.now();
        store.bulkSet(List.of(setWithTtl(key("ttl"), "1", "3600"), set(key("plain"), "2")));
        Map<String, BulkGetItem> items = byKey(store.bulkGet(List.of(get(key("ttl")), get(key("plain")))));
        assertThat(expireTime(items.get(key("ttl")).item().orElseThrow()))
                .isCloseTo(before.plusSeconds(3600), within(10, ChronoUnit.SECONDS));
        assertThat(items.get(key("plain")).item().orElseThrow().metadata())
                .doesNotContainKey(StateTtl.TTL_EXPIRE_TIME);
    }

    @Test
    void ttlOfMinusOneRemovesAnEarlierTtl() {
        requireFeature(StateFeature.TTL);
        store.set(setWithTtl(key("k"), "1", "1"));
        assertThat(store.get(get(key("k"))).orElseThrow().metadata()).containsKey(StateTtl.TTL_EXPIRE_TIME);
        store.set(setWithTtl(key("k"), "2", "-1"));
        assertStaysWithoutExpiry(key("k"), "2");
    }

    @Test
    void writeWithoutTtlRemovesAnEarlierTtl() {
        requireFeature(StateFeature.TTL);
        store.set(setWithTtl(key("k"), "1", "1"));
        store.set(set(key("k"), "2"));
        assertStaysWithoutExpiry(key("k"), "2");
    }

    @Test
    void firstWriteSucceedsOnAnExpiredKey() {
        requireFeature(StateFeature.TTL);
        requireFeature(StateFeature.ETAG);
        store.set(setWithTtl(key("k"), "1", "1"));
        await().atMost(EXPIRY_BOUND).until(() -> store.get(get(key("k"))).isEmpty());
        store.set(firstWrite(key("k"), "2", Optional.empty()));
        assertThat(text(key("k"))).isEqualTo("2");
    }

    @Test
    void ttlIsIgnoredByAStoreWithoutTtl() {
        assumeFalse(expectedFeatures().contains(StateFeature.TTL), "store declares TTL");
        store.set(setWithTtl(key("k"), "1", "1"));
        assertStaysWithoutExpiry(key("k"), "1");
    }
}
