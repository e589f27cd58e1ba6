/**
 * Crypto providers that keep their keys in the sidecar and run the algorithms on the JDK:
 * {@link io.daprj.components.core.crypto.LocalStorageCryptoProvider} ({@code crypto.dapr.localstorage}, a folder of
 * key files) and {@link io.daprj.components.core.crypto.JwksCryptoProvider} ({@code crypto.dapr.jwks}, a JSON Web
 * Key Set inline, in a file or at a URL).
 *
 * <p>Starting points: {@link io.daprj.components.core.crypto.LocalCryptoProvider} (the operations and key-use
 * checks), {@link io.daprj.components.core.crypto.KeyParser} (JWK, PEM and raw keys), and the algorithm classes
 * {@code SymmetricCiphers}, {@code RsaCiphers}, {@code Signatures} and {@code RsaPss}.
 */
package io.daprj.components.core.crypto;
