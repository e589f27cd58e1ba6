package io.daprj.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --enable-metrics=false} and Configuration {@code spec.metric.enabled: false} both leave no metrics port. */
class MetricsDisabledTest {

    @TempDir
    Path dir;

    @Test
    void enableMetricsFalseOpensNoMetricsPortAndTheApiStillServes() throws Exception {
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("quiet", TestSidecars.inMemoryResources(dir), null,
                "--metrics-port", "0", "--enable-metrics=false"))) {
            assertThat(sidecar.metricsPort()).isZero();
            assertThat(sidecar.httpPort()).isPositive();
        }
    }

    @Test
    void configurationMetricEnabledFalseOpensNoMetricsPort() throws Exception {
        Path config = TestSidecars.write(dir.resolve("config"), "config.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Configuration
                metadata:
                  name: nometrics
                spec:
                  metric:
                    enabled: false
                """).resolve("config.yaml");
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("quiet", TestSidecars.inMemoryResources(dir), config,
                "--metrics-port", "0"))) {
            assertThat(sidecar.metricsPort()).isZero();
        }
    }

    @Test
    void metricsPortZeroServesMetricsOnAFreePort() throws Exception {
        try (Sidecar sidecar = Sidecar.start(TestSidecars.options("loud", TestSidecars.inMemoryResources(dir), null,
                "--metrics-port", "0"))) {
            assertThat(sidecar.metricsPort()).isPositive();
            assertThat(Scrape.of(sidecar.metricsPort()).has("dapr_runtime_component_loaded")).isTrue();
        }
    }
}
