package io.daprj.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dapr's encryption scheme v1, byte for byte: daprd's own test vectors, an independent reading, tampering. */
class EncryptionSchemeV1Test {

    /**
     * Documents from dapr/kit {@code schemes/enc/v1/testdata} (commit 6e5616aa, Apache-2.0), written by daprd's
     * encoder with a no-op key wrap (the wrapped file key is the file key): "hello world" with key name
     * {@code mykey}, the same without a key name, and an empty message.
     */
    private static final String DAPR_SINGLE_SEGMENT = "ZGFwci5pby9lbmMvdjEKeyJrIjoibXlrZXkiLCJrdyI6MSwid2ZrIjoiUU9laStpRkhXaGFPNmY5aUVUQ2xGNDZPUDJ4aTdIc2kz"
            + "bEpNL2ordHd0VT0iLCJjcGgiOjEsIm5wIjoibFBCbkpIa1hQQT09In0KRlV4ZEYvTVVLa0Vkenp5dEU1ZlVmOGs3Z0VtNW5aaWlO"
            + "OEg0QUNFM05FZz0KzkBjJN6AcIx/IIThtRxLd499NiCh74rT6Y4m";
    private static final String DAPR_NO_KEY_NAME = "ZGFwci5pby9lbmMvdjEKeyJrdyI6MSwid2ZrIjoiMXQxbURjODdJOEpVZFBEMktsNkFLTHBCVitISnkwYXYzeVlSMi9RN0Z4ND0i"
            + "LCJjcGgiOjEsIm5wIjoiUFlvb3A3YmVCZz09In0KNG01RjJYQ0ovVi9Pa1RiekRzVXl4KzlXTStJcU1GODAwV05IaHVWSmMwWT0K"
            + "6TPncGggKmdgrG0u1tlmbnZG1YD60dlMcrCM";
    private static final String DAPR_EMPTY = "ZGFwci5pby9lbmMvdjEKeyJrIjoibXlrZXkiLCJrdyI6MSwid2ZrIjoicnZqd3F5TWE4dHhXOTc5Wkw5d2dsYjdmK1VHMWtXKy9o"
            + "RHF2UDMvaWIrUT0iLCJjcGgiOjEsIm5wIjoiZ1ovVVZJMkpsUT09In0KekIrckVTamIzZ1I1Z3VHZm14dWtRLy9BcGZXNmE1NVdP"
            + "eG82azB4ODlrRT0K";

    /** dapr/kit's test unwrap: the "wrapped" key is the key. */
    private static final StreamDecryptor.KeyUnwrapper IDENTITY = (wrapped, algorithm, name) -> wrapped;

    @Test
    void decryptsDocumentsWrittenByDaprd() {
        assertThat(decrypt(Base64.getDecoder().decode(DAPR_SINGLE_SEGMENT), Optional.empty(), 7))
                .isEqualTo("hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(decrypt(Base64.getDecoder().decode(DAPR_EMPTY), Optional.empty(), 5)).isEmpty();
        assertThat(decrypt(Base64.getDecoder().decode(DAPR_NO_KEY_NAME), Optional.of("mykey"), 100))
                .isEqualTo("hello world".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentWithoutKeyNameNeedsOne() {
        assertThatThrownBy(() -> decrypt(Base64.getDecoder().decode(DAPR_NO_KEY_NAME), Optional.empty(), 100))
                .hasMessage("document's manifest does not contain a key name, and no key name was provided");
    }

    @Test
    void aKeyNameGivenOverridesTheManifest() {
        String[] seen = new String[1];
        StreamDecryptor decryptor = new StreamDecryptor((w, a, name) -> {
            seen[0] = name + "/" + a;
            return w;
        }, Optional.of("anotherkey"));
        run(decryptor, Base64.getDecoder().decode(DAPR_SINGLE_SEGMENT), 1000);
        assertThat(seen[0]).isEqualTo("anotherkey/A256KW");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 131072, 300 * 1024})
    void streamingOutputMatchesAnIndependentReadingBothWays(int size) throws Exception {
        byte[] plaintext = random(size);
        FileKey key = FileKey.random(DataCipher.AES_GCM);
        Manifest manifest = new Manifest("mykey", KeyWrapAlgorithm.A256KW, key.fileKey(), DataCipher.AES_GCM, key.noncePrefix());
        byte[] ours = run(new StreamEncryptor(key, key.signedHeader(manifest.toJson())), plaintext, 4093);
        assertThat(IndependentSchemeV1.decrypt(ours, key.fileKey(), key.noncePrefix())).isEqualTo(plaintext);
        byte[] theirs = IndependentSchemeV1.encrypt(plaintext, key.fileKey(), key.noncePrefix(), "mykey");
        assertThat(theirs).isEqualTo(ours);
        assertThat(decrypt(theirs, Optional.empty(), 70001)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES_GCM", "CHACHA20_POLY1305"})
    void bothCiphersRoundTripInAnyChunking(DataCipher cipher) {
        byte[] plaintext = random(200_000);
        FileKey key = FileKey.random(cipher);
        Manifest manifest = new Manifest("", KeyWrapAlgorithm.RSA_OAEP_256, key.fileKey(), cipher, key.noncePrefix());
        byte[] document = run(new StreamEncryptor(key, key.signedHeader(manifest.toJson())), plaintext, 65536);
        assertThat(new String(document, 0, 60, StandardCharsets.US_ASCII)).startsWith("dapr.io/enc/v1\n{\"kw\":5,");
        for (int chunk : new int[] {1, 17, 65552, 1 << 20}) {
            assertThat(decrypt(document, Optional.of("k"), chunk)).as("chunks of %d", chunk).isEqualTo(plaintext);
        }
    }

    @Test
    void aTamperedSegmentFailsAndNothingOfItIsEmitted() {
        byte[] plaintext = random(3 * 65536 + 10);
        byte[] document = encrypt(plaintext);
        int header = document.length - plaintext.length - 4 * 16;
        document[header + 2 * 65552 + 100] ^= 1;
        ByteArrayOutputStream emitted = new ByteArrayOutputStream();
        StreamDecryptor decryptor = new StreamDecryptor(IDENTITY, Optional.empty());
        assertThatThrownBy(() -> {
            decryptor.write(document, 0, document.length, (b, n) -> emitted.write(b, 0, n));
            decryptor.finish((b, n) -> emitted.write(b, 0, n));
        }).hasMessage("error processing segment 2: failed to decrypt segment");
        assertThat(emitted.toByteArray()).isEqualTo(Arrays.copyOf(plaintext, 2 * 65536));
    }

    @Test
    void truncationReorderingAndAForgedHeaderAreRefused() {
        byte[] plaintext = random(2 * 65536 + 5);
        byte[] document = encrypt(plaintext);
        int header = document.length - plaintext.length - 3 * 16;
        byte[] truncated = Arrays.copyOf(document, header + 2 * 65552);
        assertThatThrownBy(() -> decrypt(truncated, Optional.empty(), 9999)).hasMessageContaining("segment 1");
        byte[] swapped = document.clone();
        System.arraycopy(document, header, swapped, header + 65552, 65552);
        System.arraycopy(document, header + 65552, swapped, header, 65552);
        assertThatThrownBy(() -> decrypt(swapped, Optional.empty(), 9999)).hasMessageContaining("segment 0");
        String text = new String(document, 0, header, StandardCharsets.ISO_8859_1).replace("\"k\":\"mykey\"", "\"k\":\"mykez\"");
        byte[] forged = document.clone();
        System.arraycopy(text.getBytes(StandardCharsets.ISO_8859_1), 0, forged, 0, header);
        assertThatThrownBy(() -> decrypt(forged, Optional.empty(), 9999)).hasMessage("failed to validate the document's signature");
    }

    @Test
    void aFailingUnwrapLooksLikeABadSignature() {
        byte[] document = encrypt(random(10));
        StreamDecryptor decryptor = new StreamDecryptor((w, a, n) -> {
            throw new IllegalStateException("no such key");
        }, Optional.empty());
        assertThatThrownBy(() -> run(decryptor, document, 50)).hasMessage("failed to validate the document's signature");
    }

    @Test
    void otherSchemesAndGarbageAreRefused() {
        assertThatThrownBy(() -> decrypt("dapr.io/enc/v2\n{}\nx\n".getBytes(StandardCharsets.US_ASCII), Optional.empty(), 5))
                .hasMessage("invalid header: unsupported scheme");
        assertThatThrownBy(() -> decrypt("dapr.io/enc/v1\n{\"kw\":9}\nAAAA\n".getBytes(StandardCharsets.US_ASCII),
                Optional.empty(), 5)).hasMessage("invalid header: invalid manifest");
        assertThatThrownBy(() -> decrypt(new byte[0], Optional.empty(), 5)).hasMessageContaining("invalid header");
    }

    private static byte[] encrypt(byte[] plaintext) {
        FileKey key = FileKey.random(DataCipher.AES_GCM);
        Manifest manifest = new Manifest("mykey", KeyWrapAlgorithm.A256KW, key.fileKey(), DataCipher.AES_GCM, key.noncePrefix());
        return run(new StreamEncryptor(key, key.signedHeader(manifest.toJson())), plaintext, 30000);
    }

    private static byte[] decrypt(byte[] document, Optional<String> keyName, int chunk) {
        return run(new StreamDecryptor(IDENTITY, keyName), document, chunk);
    }

    /** Feeds {@code input} in chunks of {@code chunk} bytes and collects the output. */
    static byte[] run(CryptoStream stream, byte[] input, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int pos = 0; pos < input.length; pos += chunk) {
            stream.write(input, pos, Math.min(chunk, input.length - pos), (b, n) -> out.write(b, 0, n));
        }
        stream.finish((b, n) -> out.write(b, 0, n));
        return out.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
