package io.daprj.components.core.crypto;

import io.daprj.conformance.crypto.CryptoProviderConformance;
import io.daprj.conformance.crypto.TestKeys;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.crypto.CryptoProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crypto.dapr.localstorage} passes the crypto conformance suite with a folder of files in the formats users
 * keep: PKCS#8 and PKIX PEM (RSA, Ed25519), JWK JSON (P-256) and a base64 symmetric key, all without extensions.
 */
class LocalStorageCryptoProviderConformanceTest extends CryptoProviderConformance {

    @TempDir
    Path dir;

    @Override
    protected CryptoProvider newProvider(TestKeys keys) throws Exception {
        Files.writeString(dir.resolve(TestKeys.RSA_PRIVATE), TestKeyFiles.pem("PRIVATE KEY", keys.rsa().getPrivate().getEncoded()));
        Files.writeString(dir.resolve(TestKeys.RSA_PUBLIC), TestKeyFiles.pem("PUBLIC KEY", keys.rsa().getPublic().getEncoded()));
        Files.writeString(dir.resolve(TestKeys.ED25519_PRIVATE),
                TestKeyFiles.pem("PRIVATE KEY", keys.ed25519().getPrivate().getEncoded()));
        Files.writeString(dir.resolve(TestKeys.ED25519_PUBLIC),
                TestKeyFiles.pem("PUBLIC KEY", keys.ed25519().getPublic().getEncoded()));
        Files.writeString(dir.resolve(TestKeys.P256_PRIVATE), TestKeyFiles.ec(keys.p256(), true, TestKeys.P256_PRIVATE));
        Files.writeString(dir.resolve(TestKeys.P256_PUBLIC), TestKeyFiles.ec(keys.p256(), false, TestKeys.P256_PUBLIC));
        Files.writeString(dir.resolve(TestKeys.SYMMETRIC_256), Base64.getEncoder().encodeToString(keys.symmetric256()) + "\n");
        LocalStorageCryptoProvider provider = new LocalStorageCryptoProvider();
        provider.init(ComponentMetadata.of("localstorage", "crypto.dapr.localstorage", Map.of("path", dir.toString())));
        return provider;
    }
}
