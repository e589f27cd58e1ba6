package io.daprj.components.core.middleware;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.middleware.HttpMiddleware;
import java.util.function.Supplier;

/** The providers of the {@code middleware.http.*} types of this module. */
public final class MiddlewareProviders {

    private MiddlewareProviders() {}

    /** The part every middleware provider shares: its type and constructor. */
    private abstract static class Base implements ComponentProvider<HttpMiddleware> {
        private final String type;
        private final Supplier<HttpMiddleware> factory;

        Base(String type, Supplier<HttpMiddleware> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Class<HttpMiddleware> kind() {
            return HttpMiddleware.class;
        }

        @Override
        public HttpMiddleware create() {
            return factory.get();
        }
    }

    /** {@code middleware.http.uppercase}. */
    public static final class Uppercase extends Base {
        public Uppercase() {
            super("middleware.http.uppercase", UppercaseMiddleware::new);
        }
    }

    /** {@code middleware.http.ratelimit}. */
    public static final class RateLimit extends Base {
        public RateLimit() {
            super("middleware.http.ratelimit", RateLimitMiddleware::new);
        }
    }

    /** {@code middleware.http.routerchecker}. */
    public static final class RouterChecker extends Base {
        public RouterChecker() {
            super("middleware.http.routerchecker", RouterCheckerMiddleware::new);
        }
    }

    /** {@code middleware.http.routeralias}. */
    public static final class RouterAlias extends Base {
        public RouterAlias() {
            super("middleware.http.routeralias", RouterAliasMiddleware::new);
        }
    }

    /** {@code middleware.http.bearer}. */
    public static final class Bearer extends Base {
        public Bearer() {
            super("middleware.http.bearer", BearerMiddleware::new);
        }
    }
}
