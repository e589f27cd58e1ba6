package io.daprj.components.core.crypto;

import io.daprj.conformance.crypto.CryptoProviderConformance;
import io.daprj.conformance.crypto.TestKeys;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.crypto.CryptoProvider;
import java.util.Map;

/** {@code crypto.dapr.jwks} passes the crypto conformance suite with every key in an inline JWKS. */
class JwksCryptoProviderConformanceTest extends CryptoProviderConformance {

    @Override
    protected CryptoProvider newProvider(TestKeys keys) throws Exception {
        String jwks = "{\"keys\":[" + String.join(",", TestKeyFiles.jwks(keys).values()) + "]}";
        JwksCryptoProvider provider = new JwksCryptoProvider();
        provider.init(ComponentMetadata.of("jwks", "crypto.dapr.jwks", Map.of("jwks", jwks)));
        return provider;
    }
}
