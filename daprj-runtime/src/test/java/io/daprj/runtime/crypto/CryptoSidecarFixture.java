package io.daprj.runtime.crypto;

import io.daprj.runtime.Sidecar;
import io.daprj.runtime.TestSidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A sidecar with a {@code crypto.dapr.localstorage} provider named {@code mycrypto} holding {@code rsakey} (RSA
 * 2048, PKCS#8 PEM) and {@code symkey} (256-bit, base64); bodies up to 64 MiB (daprd's default is 4 MiB).
 */
final class CryptoSidecarFixture {

    final KeyPair rsa;
    final Sidecar sidecar;

    CryptoSidecarFixture(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keys.resolve("rsakey"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(keys.resolve("symkey"), Base64.getEncoder().encodeToString(secret));
        Path resources = TestSidecars.write(dir.resolve("resources"), "crypto.yaml", """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata: {name: mycrypto}
                spec:
                  type: crypto.dapr.localstorage
                  version: v1
                  metadata:
                  - {name: path, value: "%s"}
                """.formatted(keys));
        sidecar = Sidecar.start(TestSidecars.options("cryptoapp", resources, null, "--max-body-size", "64Mi"));
    }
}
