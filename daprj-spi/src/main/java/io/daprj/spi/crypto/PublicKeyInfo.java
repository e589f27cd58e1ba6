package io.daprj.spi.crypto;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The public part of a key held by a provider.
 *
 * @param keyId the key's own id ({@code kid}) when it has one, else empty (callers then use the requested name)
 * @param key the public key (RSA, EC or EdDSA)
 * @param algorithm the key's {@code alg} when it is restricted to one algorithm, else empty
 */
public record PublicKeyInfo(Optional<String> keyId, PublicKey key, Optional<String> algorithm) {

    public PublicKeyInfo {
        requireNonNull(keyId, "keyId");
        requireNonNull(key, "key");
        requireNonNull(algorithm, "algorithm");
    }
}
