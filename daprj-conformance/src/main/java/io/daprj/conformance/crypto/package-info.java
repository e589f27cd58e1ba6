/**
 * The crypto provider conformance suite: {@link io.daprj.conformance.crypto.CryptoProviderConformance}, run by
 * every {@link io.daprj.spi.crypto.CryptoProvider} with the fresh keys of {@link io.daprj.conformance.crypto.TestKeys}.
 */
package io.daprj.conformance.crypto;
