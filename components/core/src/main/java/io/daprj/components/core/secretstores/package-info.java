/**
 * Secret stores that need nothing installed: {@link io.daprj.components.core.secretstores.LocalFileSecretStore}
 * ({@code secretstores.local.file}, a JSON file) and {@link io.daprj.components.core.secretstores.LocalEnvSecretStore}
 * ({@code secretstores.local.env}, the sidecar's environment variables). Both are for development, as in Dapr.
 */
package io.daprj.components.core.secretstores;
