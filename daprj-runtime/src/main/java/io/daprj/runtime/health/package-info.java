/**
 * Readiness: {@link io.daprj.runtime.health.HealthApi} answers {@code /v1.0/healthz} (ready once components are loaded
 * and, when there is an app port, the app accepts connections) and {@code /v1.0/healthz/outbound} (ready once
 * components are loaded), and {@link io.daprj.runtime.health.AppHealthProbe} runs {@code --enable-app-health-check}.
 */
package io.daprj.runtime.health;
