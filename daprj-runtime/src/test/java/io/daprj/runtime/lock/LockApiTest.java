package io.daprj.runtime.lock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import org.junit.jupiter.api.Test;

/** Checks daprd makes before any store is looked up, in its order. */
class LockApiTest {

    private final LockApi api = new LockApi(new ComponentStore(), "app");

    @Test
    void withoutLockStoresEveryCallIsNotConfigured() {
        assertThatThrownBy(() -> api.tryLock("lockstore", "r", "o", 5)).isInstanceOfSatisfying(DaprException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(DaprError.ERR_LOCK_STORE_NOT_CONFIGURED));
        assertThatThrownBy(() -> api.unlock("lockstore", "r", "o")).isInstanceOfSatisfying(DaprException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(500));
    }

    @Test
    void nonPositiveExpiryIsCheckedFirst() {
        assertThatThrownBy(() -> api.tryLock("lockstore", "", "", -1)).isInstanceOfSatisfying(DaprException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(DaprError.ERR_MALFORMED_REQUEST))
                .hasMessage("ExpiryInSeconds is not positive in lock store lockstore");
    }
}
