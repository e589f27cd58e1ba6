/**
 * The configuration store contract, after Dapr's components-contrib {@code configuration.Store}.
 *
 * <p>Starting points: {@link io.daprj.spi.configuration.ConfigurationStore} (get, subscribe, unsubscribe),
 * {@link io.daprj.spi.configuration.ConfigurationItem} (value, version, metadata) and
 * {@link io.daprj.spi.configuration.ConfigurationUpdate} (what a subscription is told).
 */
package io.daprj.spi.configuration;
