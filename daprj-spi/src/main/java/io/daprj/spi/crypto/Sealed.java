package io.daprj.spi.crypto;

import static java.util.Objects.requireNonNull;

/**
 * The output of an encryption or key wrap.
 *
 * @param ciphertext the encrypted bytes, without the tag
 * @param tag the authentication tag of AEAD ciphers, empty for others
 */
public record Sealed(byte[] ciphertext, byte[] tag) {

    public Sealed {
        requireNonNull(ciphertext, "ciphertext");
        requireNonNull(tag, "tag");
    }

    /** Output of a cipher without a separate tag. */
    public static Sealed of(byte[] ciphertext) {
        return new Sealed(ciphertext, new byte[0]);
    }
}
