package io.daprj.components.core;

import static io.daprj.conformance.state.StateRequests.get;
import static io.daprj.conformance.state.StateRequests.set;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.daprj.components.core.nameresolution.SqliteNameResolver;
import io.daprj.components.core.state.SqliteStateStore;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.state.BulkGetItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two OS processes on one SQLite file, the way two sidecars on one machine use the embedded defaults. */
class SharedFileAcrossProcessesTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingStateAtOnceLoseNothing() throws Exception {
        Path db = dir.resolve("state.db");
        try (SqliteStateStore store = new SqliteStateStore()) {
            store.init(ComponentMetadata.of("statestore", "state.sqlite", Map.of("connectionString", db.toString())));
            Process child = SharedFileChildProcess.start("state", db, "child-", 300);
            for (int i = 0; i < 300; i++) {
                store.set(set("parent-" + i, "\"" + i + "\""));
            }
            SharedFileChildProcess.awaitSuccess(child);
            List<BulkGetItem> items = store.bulkGet(IntStream.range(0, 300)
                    .mapToObj(i -> get("child-" + i)).toList());
            assertThat(items).allSatisfy(item -> assertThat(item.item()).isPresent());
            assertThat(new String(store.get(get("child-299")).orElseThrow().data(), UTF_8)).isEqualTo("\"299\"");
            assertThat(store.get(get("parent-299"))).isPresent();
        }
    }

    @Test
    void sidecarInAnotherProcessIsResolvedUntilItDies() throws Exception {
        Path db = dir.resolve("nameresolution.db");
        Process child = SharedFileChildProcess.start("register", db, "orders", 50002);
        try (SqliteNameResolver resolver = new SqliteNameResolver()) {
            SharedFileChildProcess.awaitReady(child);
            resolver.init(ComponentMetadata.of("nr", "nameresolution.sqlite",
                    Map.of("connectionString", db.toString(), "updateInterval", "1s")));
            assertThat(resolver.resolve("orders", "")).contains(new Instance("orders", "", "127.0.0.1", 50002));
            // still there after several heartbeats
            Thread.sleep(3500);
            assertThat(resolver.resolve("orders", "")).isPresent();
            child.destroyForcibly().waitFor();
            await().atMost(Duration.ofSeconds(8)).until(() -> resolver.resolve("orders", "").isEmpty());
        } finally {
            child.destroyForcibly();
        }
    }
}
