/**
 * The cryptography provider contract, after Dapr's components-contrib {@code crypto.SubtleCrypto}.
 *
 * <p>Starting point: {@link io.daprj.spi.crypto.CryptoProvider} (get a public key, encrypt/decrypt, wrap/unwrap,
 * sign/verify by key name and JWA algorithm). The runtime builds Dapr's streaming encryption scheme
 * ({@code dapr.io/enc/v1}) on {@code wrapKey}/{@code unwrapKey}; the data itself never reaches the provider.
 */
package io.daprj.spi.crypto;
