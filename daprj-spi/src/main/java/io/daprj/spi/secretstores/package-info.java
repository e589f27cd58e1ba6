/**
 * The secret store contract, after Dapr's components-contrib {@code secretstores.SecretStore}.
 *
 * <p>Starting point: {@link io.daprj.spi.secretstores.SecretStore}. A secret is a name with one or more key/value
 * pairs; stores that hold one value per secret return a map with the secret's name as its only key.
 */
package io.daprj.spi.secretstores;
