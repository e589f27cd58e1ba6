package io.daprj.components.core.crypto;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.crypto.CryptoProvider;

/** The providers of the two local crypto components. */
public final class CryptoProviders {

    private CryptoProviders() {}

    /** {@code crypto.dapr.localstorage}. */
    public static final class LocalStorage implements ComponentProvider<CryptoProvider> {
        @Override
        public String type() {
            return "crypto.dapr.localstorage";
        }

        @Override
        public Class<CryptoProvider> kind() {
            return CryptoProvider.class;
        }

        @Override
        public CryptoProvider create() {
            return new LocalStorageCryptoProvider();
        }
    }

    /** {@code crypto.dapr.jwks}. */
    public static final class Jwks implements ComponentProvider<CryptoProvider> {
        @Override
        public String type() {
            return "crypto.dapr.jwks";
        }

        @Override
        public Class<CryptoProvider> kind() {
            return CryptoProvider.class;
        }

        @Override
        public CryptoProvider create() {
            return new JwksCryptoProvider();
        }
    }
}
