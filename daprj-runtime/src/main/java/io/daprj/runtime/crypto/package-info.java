/**
 * The cryptography building block (alpha).
 *
 * <p>Starting points: {@link io.daprj.runtime.crypto.CryptoApi} (Dapr's streaming encryption scheme v1,
 * {@code dapr.io/enc/v1}: a header line, a JSON manifest with the wrapped file key, the header MAC, then 64 KiB
 * segments each sealed with AES-GCM or ChaCha20-Poly1305 under its own nonce and a last-segment flag) and
 * {@link io.daprj.runtime.crypto.SubtleCryptoApi} (one provider call per request). Both doors feed a
 * {@link io.daprj.runtime.crypto.CryptoStream} chunk by chunk, so memory stays at one segment per stream.
 */
package io.daprj.runtime.crypto;
