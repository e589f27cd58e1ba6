package io.daprj.runtime.crypto;

import java.util.Locale;
import java.util.Optional;

/**
 * How the file key of a {@code dapr.io/enc/v1} document is wrapped, with the numeric ids of the manifest's
 * {@code kw} field. {@code AES} and {@code RSA} are accepted as aliases, as daprd does.
 */
enum KeyWrapAlgorithm {
    A256KW(1, "A256KW"),
    A128CBC_NOPAD(2, "A128CBC-NOPAD"),
    A192CBC_NOPAD(3, "A192CBC-NOPAD"),
    A256CBC_NOPAD(4, "A256CBC-NOPAD"),
    RSA_OAEP_256(5, "RSA-OAEP-256");

    private final int id;
    private final String jwaName;

    KeyWrapAlgorithm(int id, String jwaName) {
        this.id = id;
        this.jwaName = jwaName;
    }

    int id() {
        return id;
    }

    /** The JWA name handed to the provider's wrap/unwrap. */
    String jwaName() {
        return jwaName;
    }

    /** The algorithm a caller named (case-insensitive, aliases resolved), or empty when unsupported. */
    static Optional<KeyWrapAlgorithm> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "AES" -> Optional.of(A256KW);
            case "RSA" -> Optional.of(RSA_OAEP_256);
            default -> java.util.Arrays.stream(values()).filter(a -> a.jwaName.equals(upper)).findFirst();
        };
    }

    static Optional<KeyWrapAlgorithm> ofId(int id) {
        return java.util.Arrays.stream(values()).filter(a -> a.id == id).findFirst();
    }
}
