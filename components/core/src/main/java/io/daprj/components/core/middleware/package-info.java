/**
 * Dapr's HTTP middlewares that need no server of their own: {@code middleware.http.uppercase},
 * {@code middleware.http.ratelimit}, {@code middleware.http.routerchecker}, {@code middleware.http.routeralias} and
 * {@code middleware.http.bearer} (JWT validation against a JWKS, with JDK crypto).
 *
 * <p>Starting points: {@link io.daprj.components.core.middleware.MiddlewareProviders} (the registered types) and
 * each middleware class; {@link io.daprj.components.core.middleware.JwtValidator} holds the token checks of
 * {@code bearer}.
 */
package io.daprj.components.core.middleware;
