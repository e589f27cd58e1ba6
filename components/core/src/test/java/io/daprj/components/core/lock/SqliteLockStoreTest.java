package io.daprj.components.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.lock.UnlockStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite lock store adds to the conformance suite: one file shared by several stores, bad metadata. */
class SqliteLockStoreTest {

    @TempDir
    Path dir;

    private SqliteLockStore open(Path file) {
        SqliteLockStore store = new SqliteLockStore();
        store.init(ComponentMetadata.of("lockstore", "lock.sqlite", Map.of("connectionString", file.toString())));
        return store;
    }

    @Test
    void storesOnOneFileShareTheLocks() {
        try (SqliteLockStore a = open(dir.resolve("lock.db")); SqliteLockStore b = open(dir.resolve("lock.db"))) {
            assertThat(a.tryLock("r", "owner-a", Duration.ofSeconds(30))).isTrue();
            assertThat(b.tryLock("r", "owner-b", Duration.ofSeconds(30))).isFalse();
            assertThat(b.unlock("r", "owner-b")).isEqualTo(UnlockStatus.LOCK_BELONGS_TO_OTHERS);
            assertThat(b.unlock("r", "owner-a")).isEqualTo(UnlockStatus.SUCCESS);
            assertThat(a.tryLock("r", "owner-a", Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void exactlyOneOfManyConcurrentContendersWins() throws Exception {
        try (SqliteLockStore a = open(dir.resolve("race.db")); SqliteLockStore b = open(dir.resolve("race.db"));
                var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                SqliteLockStore store = i % 2 == 0 ? a : b;
                String owner = "owner-" + i;
                attempts.add(pool.submit((Callable<Boolean>) () -> store.tryLock("contended", owner, Duration.ofSeconds(30))));
            }
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
    }

    @Test
    void tableNameMustBeAPlainIdentifier() {
        SqliteLockStore store = new SqliteLockStore();
        assertThatThrownBy(() -> store.init(ComponentMetadata.of("lockstore", "lock.sqlite",
                        Map.of("connectionString", dir.resolve("x.db").toString(), "tableName", "locks; drop"))))
                .hasMessageContaining("tableName");
        store.close();
    }
}
