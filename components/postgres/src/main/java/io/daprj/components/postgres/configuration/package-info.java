/**
 * {@code configuration.postgresql} on JDBC: items are rows of Dapr's configuration table, changes arrive through
 * {@code LISTEN}/{@code NOTIFY} from the trigger Dapr's documentation tells users to create.
 *
 * <p>Starting points: {@link io.daprj.components.postgres.configuration.PostgresConfigurationStore} and its provider;
 * metadata is {@code PostgresConfigurationMetadata}, with Dapr's names. Differences from Dapr: request metadata does
 * not filter {@code get} (Dapr's filter compares two parameters with each other and so never matches); Azure AD and
 * AWS IAM authentication are not supported.
 */
package io.daprj.components.postgres.configuration;
