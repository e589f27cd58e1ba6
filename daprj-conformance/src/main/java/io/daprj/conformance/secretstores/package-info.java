/**
 * The secret store conformance suite: {@link io.daprj.conformance.secretstores.SecretStoreConformance}, after Dapr's
 * secretstores conformance (get and bulk get).
 */
package io.daprj.conformance.secretstores;
