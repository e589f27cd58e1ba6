/**
 * The configuration building block: {@link io.daprj.runtime.configuration.ConfigurationApi} (get, subscribe for the
 * app or for a gRPC stream, unsubscribe) used by both doors; {@code ConfigurationJson} writes items as daprd does;
 * {@code AppConfigurationDelivery} posts changes to an HTTP app at {@code /configuration/<store>/<key>}.
 */
package io.daprj.runtime.configuration;
