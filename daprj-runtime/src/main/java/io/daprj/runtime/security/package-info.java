/**
 * API security: {@link io.daprj.runtime.security.ApiTokenDecorator} requires {@code DAPR_API_TOKEN} on the HTTP and
 * gRPC APIs, as daprd does; the app channel sends {@code APP_API_TOKEN} to the app.
 */
package io.daprj.runtime.security;
