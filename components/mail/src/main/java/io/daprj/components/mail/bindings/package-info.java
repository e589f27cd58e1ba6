/**
 * {@code bindings.smtp}: Dapr's SMTP output binding, on Jakarta Mail (Eclipse Angus).
 *
 * <p>Starting points: {@link io.daprj.components.mail.bindings.SmtpOutputBinding} and its provider; metadata is
 * {@code SmtpMetadata}, with Dapr's names, whose mail fields request metadata overrides.
 *
 * <p>Differences from Dapr: an invalid address is refused before anything is sent; each send times out after 30s
 * (Dapr's gomail waits without limit).
 */
package io.daprj.components.mail.bindings;
