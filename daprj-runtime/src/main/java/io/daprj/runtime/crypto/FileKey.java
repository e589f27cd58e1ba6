package io.daprj.runtime.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random 256-bit file key of one {@code dapr.io/enc/v1} document and the keys derived from it with
 * HKDF-SHA-256: the header MAC key ({@code info = "header"}, no salt) and the payload key ({@code info =
 * "payload"}, salt = nonce prefix). Seals and opens segments with the nonce {@code prefix(7) || seq(4, big endian)
 * || last(1)}. Not thread safe: one instance serves one stream.
 */
final class FileKey {

    static final String SCHEME = "dapr.io/enc/v1";
    static final int SEGMENT_SIZE = 64 * 1024;
    static final int TAG_SIZE = 16;
    static final int NONCE_PREFIX_LENGTH = 7;
    static final int KEY_SIZE = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] fileKey;
    private final byte[] noncePrefix;
    private final DataCipher dataCipher;
    private final byte[] headerKey;
    private final SecretKeySpec payloadKey;
    private final Cipher cipher;
    private final byte[] nonce = new byte[12];

    FileKey(byte[] fileKey, byte[] noncePrefix, DataCipher dataCipher) {
        this.fileKey = fileKey.clone();
        this.noncePrefix = noncePrefix.clone();
        this.dataCipher = dataCipher;
        this.headerKey = hkdf(fileKey, new byte[0], "header");
        this.payloadKey = new SecretKeySpec(hkdf(fileKey, noncePrefix, "payload"), dataCipher.keyAlgorithm());
        try {
            this.cipher = dataCipher.newCipher();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cipher " + dataCipher + " is not available in this JDK", e);
        }
    }

    /** A fresh random file key and nonce prefix. */
    static FileKey random(DataCipher cipher) {
        byte[] bytes = new byte[KEY_SIZE + NONCE_PREFIX_LENGTH];
        RANDOM.nextBytes(bytes);
        return new FileKey(java.util.Arrays.copyOf(bytes, KEY_SIZE),
                java.util.Arrays.copyOfRange(bytes, KEY_SIZE, bytes.length), cipher);
    }

    byte[] fileKey() {
        return fileKey.clone();
    }

    byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /** The full header: scheme line, manifest line, base64 MAC line, each ending in a newline. */
    byte[] signedHeader(byte[] manifestJson) {
        byte[] message = headerMessage(manifestJson);
        byte[] mac = Base64.getEncoder().encode(mac(message));
        byte[] header = ByteBuffer.allocate(message.length + mac.length + 1).put(message).put(mac).put((byte) '\n').array();
        if (header.length > SEGMENT_SIZE) {
            throw new SchemeException("failed to sign header: header is too long");
        }
        return header;
    }

    /** Checks the header MAC in constant time. */
    void verifyHeader(byte[] manifestJson, byte[] macBase64) {
        byte[] mac;
        try {
            mac = Base64.getDecoder().decode(macBase64);
        } catch (IllegalArgumentException e) {
            throw new SchemeException("failed to decode header's signature: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(mac(headerMessage(manifestJson)), mac)) {
            throw new SchemeException("failed to validate the document's signature");
        }
    }

    /** Encrypts {@code len} bytes of {@code in} into {@code out} (which needs {@code len + 16} bytes); returns the length. */
    int seal(byte[] in, int len, int seq, boolean last, byte[] out) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, payloadKey, dataCipher.parameters(nonce(seq, last)));
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new SchemeException("error processing segment " + Integer.toUnsignedString(seq) + ": " + e.getMessage(), e);
        }
    }

    /** Authenticates and decrypts one segment; nothing is written to {@code out} unless the tag is valid. */
    int open(byte[] in, int len, int seq, boolean last, byte[] out) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, payloadKey, dataCipher.parameters(nonce(seq, last)));
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (AEADBadTagException e) {
            throw new SchemeException("error processing segment " + Integer.toUnsignedString(seq) + ": failed to decrypt segment");
        } catch (GeneralSecurityException e) {
            throw new SchemeException("error processing segment " + Integer.toUnsignedString(seq) + ": " + e.getMessage(), e);
        }
    }

    private byte[] nonce(int seq, boolean last) {
        System.arraycopy(noncePrefix, 0, nonce, 0, NONCE_PREFIX_LENGTH);
        ByteBuffer.wrap(nonce, NONCE_PREFIX_LENGTH, 4).putInt(seq);
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce.clone();
    }

    private static byte[] headerMessage(byte[] manifestJson) {
        byte[] scheme = SCHEME.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(scheme.length + manifestJson.length + 2)
                .put(scheme).put((byte) '\n').put(manifestJson).put((byte) '\n').array();
    }

    private byte[] mac(byte[] message) {
        return hmac(headerKey, message);
    }

    /** RFC 5869 HKDF-SHA-256 for one 32-byte output block; an empty salt is HashLen zeros, as the RFC says. */
    static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        byte[] prk = hmac(salt.length == 0 ? new byte[32] : salt, ikm);
        byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
        byte[] block = ByteBuffer.allocate(infoBytes.length + 1).put(infoBytes).put((byte) 1).array();
        return hmac(prk, block);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
