/**
 * The secrets building block: {@link io.daprj.runtime.secrets.SecretsApi} reads a secret or all of a store's secrets,
 * applying the Configuration's secret scopes, for both doors and for {@code secretKeyRef} in component metadata.
 */
package io.daprj.runtime.secrets;
