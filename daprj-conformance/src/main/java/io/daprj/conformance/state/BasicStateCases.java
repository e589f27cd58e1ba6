package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.bytes;
import static io.daprj.conformance.state.StateRequests.delete;
import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.state.BulkGetItem;
import io.daprj.spi.state.SetRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases every state store passes: get, set, delete and their bulk forms, for every kind of value, byte for byte.
 * Part of {@link StateStoreConformance}; extend that, not this.
 */
public abstract class BasicStateCases extends StateStoreFixture {

    static List<ConformanceValue> values() {
        return ConformanceValue.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void setThenGetReturnsTheExactBytes(ConformanceValue value) {
        store.set(SetRequest.of(key("v"), value.bytes()));
        assertThat(data(key("v"))).containsExactly(value.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void deleteRemovesAStoredValue(ConformanceValue value) {
        store.set(SetRequest.of(key("v"), value.bytes()));
        store.delete(delete(key("v")));
        assertThat(store.get(get(key("v")))).isEmpty();
    }

    @Test
    void getOfAMissingKeyIsEmpty() {
        assertThat(store.get(get(key("never-written")))).isEmpty();
    }

    @Test
    void laterSetOverwritesTheValue() {
        store.set(set(key("k"), "\"first\""));
        store.set(set(key("k"), "\"second\""));
        assertThat(text(key("k"))).isEqualTo("\"second\"");
    }

    @Test
    void deleteOfAMissingKeyWithoutEtagSucceeds() {
        store.delete(delete(key("never-written")));
        assertThat(store.get(get(key("never-written")))).isEmpty();
    }

    @Test
    void keysAreOpaqueAndCaseSensitive() {
        List<String> names = List.of("app||order-1", "App||Order-1", "spaces and ünïcödé ⏱", "a'b\"c;--");
        names.forEach(n -> store.set(set(key(n), "\"" + n.length() + "\"")));
        names.forEach(n -> assertThat(text(key(n))).as(n).isEqualTo("\"" + n.length() + "\""));
        store.delete(delete(key("app||order-1")));
        assertThat(store.get(get(key("app||order-1")))).isEmpty();
        assertThat(store.get(get(key("App||Order-1")))).isPresent();
    }

    @Test
    void storeKeepsItsOwnCopyOfTheBytes() {
        byte[] value = bytes("\"original\"");
        store.set(SetRequest.of(key("k"), value));
        value[1] = 'X';
        store.get(get(key("k"))).orElseThrow().data()[1] = 'Y';
        assertThat(text(key("k"))).isEqualTo("\"original\"");
    }

    @Test
    void bulkSetStoresEveryItem() {
        store.bulkSet(List.of(set(key("a"), "1"), set(key("b"), "2"), set(key("c"), "3")));
        assertThat(List.of(text(key("a")), text(key("b")), text(key("c")))).containsExactly("1", "2", "3");
    }

    @Test
    void bulkGetReturnsEveryKeyWithMissingOnesEmpty() {
        store.bulkSet(List.of(set(key("a"), "\"A\""), set(key("b"), "\"B\"")));
        List<BulkGetItem> items = store.bulkGet(List.of(get(key("a")), get(key("missing")), get(key("b"))));
        Map<String, BulkGetItem> byKey = byKey(items);
        assertThat(byKey).containsOnlyKeys(key("a"), key("b"), key("missing"));
        assertThat(byKey.values()).allSatisfy(item -> assertThat(item.error()).isEmpty());
        assertThat(byKey.get(key("a")).item().orElseThrow().data()).containsExactly(bytes("\"A\""));
        assertThat(byKey.get(key("b")).item().orElseThrow().data()).containsExactly(bytes("\"B\""));
        assertThat(byKey.get(key("missing")).item()).isEmpty();
    }

    @Test
    void bulkGetOfNoKeysIsEmpty() {
        assertThat(store.bulkGet(List.of())).isEmpty();
    }

    @Test
    void bulkDeleteRemovesEveryKey() {
        store.bulkSet(List.of(set(key("a"), "1"), set(key("b"), "2"), set(key("keep"), "3")));
        store.bulkDelete(List.of(delete(key("a")), delete(key("b")), delete(key("never-written"))));
        assertThat(store.get(get(key("a")))).isEmpty();
        assertThat(store.get(get(key("b")))).isEmpty();
        assertThat(text(key("keep"))).isEqualTo("3");
    }
}
