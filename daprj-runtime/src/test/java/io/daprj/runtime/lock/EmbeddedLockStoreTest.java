package io.daprj.runtime.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.components.ComponentRegistry;
import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.runtime.resources.EmbeddedDefaults;
import org.junit.jupiter.api.Test;

/** Without {@code --resources-path} a sidecar has a {@code lockstore}, on a SQLite file in the daprj home. */
class EmbeddedLockStoreTest {

    @Test
    void embeddedDefaultsHoldASqliteLockstoreWhoseTypeIsRegistered() {
        ComponentSpec spec = EmbeddedDefaults.components().stream()
                .filter(s -> s.name().equals("lockstore")).findFirst().orElseThrow();
        assertThat(spec.type()).isEqualTo("lock.sqlite");
        assertThat(spec.metadata().get("connectionString")).endsWith("lock.db");
        assertThat(ComponentRegistry.fromClassPath().find("lock.sqlite")).isPresent();
    }
}
