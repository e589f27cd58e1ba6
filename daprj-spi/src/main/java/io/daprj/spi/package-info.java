/**
 * The component contract every daprj backend implements.
 *
 * <p>Starting points: {@link io.daprj.spi.Component} (lifecycle), {@link io.daprj.spi.ComponentProvider}
 * (a factory found by {@link java.util.ServiceLoader}, one per component type such as {@code state.sqlite}),
 * {@link io.daprj.spi.ComponentMetadata} (the component's YAML metadata, bound to a record with
 * {@link io.daprj.spi.ComponentMetadata#bind(Class)}). Each kind has its own package: {@code state}
 * (and {@code state.query}), {@code secretstores}, {@code pubsub}, {@code bindings}, {@code lock},
 * {@code nameresolution}. Components never see HTTP or gRPC; they throw only the SPI exceptions of their kind
 * (or an unchecked exception for an internal failure).
 */
package io.daprj.spi;
