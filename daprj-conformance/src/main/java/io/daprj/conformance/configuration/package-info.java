/**
 * The configuration store conformance suite: {@link io.daprj.conformance.configuration.ConfigurationStoreConformance},
 * after Dapr's configuration conformance (get, subscribe to updates, adds and deletes, unsubscribe), with a
 * {@link io.daprj.conformance.configuration.ConfigurationBackend} each store test provides to change the backend.
 */
package io.daprj.conformance.configuration;
