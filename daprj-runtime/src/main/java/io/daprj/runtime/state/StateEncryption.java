package io.daprj.runtime.state;

import io.daprj.runtime.components.ComponentInitException;
import io.daprj.runtime.resources.ComponentSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dapr's automatic state encryption: with {@code primaryEncryptionKey} (and optionally {@code secondaryEncryptionKey})
 * given as {@code secretKeyRef}s to hex-encoded 128/192/256-bit AES keys, values are stored as
 * {@code base64(nonce ‖ AES-GCM ciphertext) + "||" + <secret name of the key>}; reads pick the key by that name, so
 * values written under the secondary key still read after a rotation. The format is daprd's, so either runtime reads
 * the other's rows. Thread safe: a new {@link Cipher} per call.
 */
final class StateEncryption {

    private static final String SEPARATOR = "||";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(String name, SecretKeySpec spec) {}

    private final Key primary;
    private final Optional<Key> secondary;

    private StateEncryption(Key primary, Optional<Key> secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /** The encryption of a state store's spec, empty when it names no primary key. */
    static Optional<StateEncryption> of(ComponentSpec spec) {
        Optional<Key> primary = key(spec, "primaryEncryptionKey");
        if (primary.isEmpty()) {
            if (key(spec, "secondaryEncryptionKey").isPresent()) {
                throw new ComponentInitException(spec.describe() + ": secondaryEncryptionKey needs a primaryEncryptionKey");
            }
            return Optional.empty();
        }
        return Optional.of(new StateEncryption(primary.get(), key(spec, "secondaryEncryptionKey")));
    }

    private static Optional<Key> key(ComponentSpec spec, String field) {
        String hex = spec.metadata().get(field);
        if (hex == null) {
            return Optional.empty();
        }
        ComponentSpec.SecretRef ref = spec.secretRefs().get(field);
        if (ref == null) {
            throw new ComponentInitException(spec.describe() + ": " + field + " must be a secretKeyRef, as in Dapr");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex.trim());
        } catch (IllegalArgumentException e) {
            throw new ComponentInitException(spec.describe() + ": " + field + " is not hex-encoded");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new ComponentInitException(spec.describe() + ": " + field + " is " + bytes.length * 8
                    + " bits (expected: an AES key of 128, 192 or 256 bits)");
        }
        return Optional.of(new Key(ref.name(), new SecretKeySpec(bytes, "AES")));
    }

    byte[] encrypt(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, primary.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return (Base64.getEncoder().encodeToString(out) + SEPARATOR + primary.name()).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encrypting state failed: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when the value names an unknown key or does not authenticate */
    byte[] decrypt(byte[] stored) {
        if (stored.length == 0) {
            return stored;
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(SEPARATOR);
        String keyName = at < 0 ? "" : text.substring(at + SEPARATOR.length());
        Key key = primary.name().equals(keyName) ? primary
                : secondary.filter(k -> k.name().equals(keyName)).orElseThrow(() -> new IllegalStateException(
                        "could not decrypt data: encryption key '" + keyName + "' of the record is not configured"));
        try {
            byte[] sealed = Base64.getDecoder().decode(text.substring(0, at));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("could not decrypt data: " + e.getMessage(), e);
        }
    }
}
