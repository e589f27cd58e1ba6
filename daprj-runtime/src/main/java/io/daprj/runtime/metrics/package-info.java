/**
 * Prometheus metrics with daprd's names and labels, served on {@code --metrics-port} at {@code /metrics}.
 *
 * <p>Starting points: {@link io.daprj.runtime.metrics.DaprMetrics} (the facade every recording goes through; it alone
 * knows metric names, labels and buckets), {@link io.daprj.runtime.metrics.ServerMetricsDecorators} (HTTP and gRPC
 * server metrics as Armeria decorators), {@link io.daprj.runtime.metrics.MetricSpec} (Configuration
 * {@code spec.metric}) and {@link io.daprj.runtime.metrics.MetricsService} (the scrape endpoint).
 */
package io.daprj.runtime.metrics;
