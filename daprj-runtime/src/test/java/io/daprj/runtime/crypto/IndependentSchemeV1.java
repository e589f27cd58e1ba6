package io.daprj.runtime.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, whole-message reading of the {@code dapr.io/enc/v1} format written from dapr/kit's README alone, with
 * the JDK's own HKDF ({@code javax.crypto.KDF}) instead of the production code's: AES-GCM, the wrapped file key
 * stored as is (no wrapping), as dapr/kit's test vectors do. Used to cross-check the streaming code both ways.
 */
final class IndependentSchemeV1 {

    private IndependentSchemeV1() {}

    static byte[] encrypt(byte[] plaintext, byte[] fileKey, byte[] noncePrefix, String keyName) throws Exception {
        String manifest = "{\"k\":\"" + keyName + "\",\"kw\":1,\"wfk\":\"" + Base64.getEncoder().encodeToString(fileKey)
                + "\",\"cph\":1,\"np\":\"" + Base64.getEncoder().encodeToString(noncePrefix) + "\"}";
        byte[] message = ("dapr.io/enc/v1\n" + manifest + "\n").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hkdf(fileKey, null, "header"), "HmacSHA256"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(message);
        out.writeBytes((Base64.getEncoder().encodeToString(mac.doFinal(message)) + "\n").getBytes(StandardCharsets.US_ASCII));
        SecretKeySpec payloadKey = new SecretKeySpec(hkdf(fileKey, noncePrefix, "payload"), "AES");
        int segments = (plaintext.length + 65535) / 65536;
        for (int i = 0; i < segments; i++) {
            byte[] chunk = Arrays.copyOfRange(plaintext, i * 65536, Math.min(plaintext.length, (i + 1) * 65536));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, payloadKey, new GCMParameterSpec(128, nonce(noncePrefix, i, i == segments - 1)));
            out.writeBytes(gcm.doFinal(chunk));
        }
        return out.toByteArray();
    }

    /** The plaintext of a document made by {@link #encrypt} or by daprd with an unwrapped file key. */
    static byte[] decrypt(byte[] document, byte[] fileKey, byte[] noncePrefix) throws Exception {
        int header = 0;
        for (int newlines = 0; newlines < 3; header++) {
            if (document[header] == '\n') {
                newlines++;
            }
        }
        SecretKeySpec payloadKey = new SecretKeySpec(hkdf(fileKey, noncePrefix, "payload"), "AES");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int body = document.length - header;
        int segments = (body + 65551) / 65552;
        for (int i = 0; i < segments; i++) {
            int from = header + i * 65552;
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, payloadKey, new GCMParameterSpec(128, nonce(noncePrefix, i, i == segments - 1)));
            out.writeBytes(gcm.doFinal(document, from, Math.min(65552, document.length - from)));
        }
        return out.toByteArray();
    }

    private static byte[] nonce(byte[] prefix, int seq, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(seq).put((byte) (last ? 1 : 0)).array();
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt, String info) throws Exception {
        HKDFParameterSpec.Builder extract = HKDFParameterSpec.ofExtract().addIKM(ikm);
        if (salt != null) {
            extract.addSalt(salt);
        }
        return KDF.getInstance("HKDF-SHA256").deriveData(extract.thenExpand(info.getBytes(StandardCharsets.US_ASCII), 32));
    }
}
