package io.daprj.components.mqtt.bindings;

import io.daprj.components.mqtt.BackOff;
import io.daprj.components.mqtt.MqttUrl;
import io.daprj.spi.DefaultValue;
import java.time.Duration;
import java.util.Optional;

/**
 * The component metadata of {@code bindings.mqtt3}, with Dapr's names and defaults. QoS is always 1, as in Dapr
 * (its {@code qos} field is deprecated and ignored).
 *
 * @param url the broker, {@code tcp://[username][:password]@host[:port]} ({@code ssl://} for TLS)
 * @param topic the topic read from, and published to unless a request names another
 * @param consumerID the client id stem: the reader connects as {@code <consumerID>-consumer}, the writer as
 *     {@code <consumerID>-producer}
 * @param retain publish with the retain flag
 * @param cleanSession start clean sessions; false keeps the reader's session and unacknowledged events across restarts
 * @param backOffMaxRetries retries of an event the app refused, 5 s apart, before it is left unacknowledged until the
 *     next connection; -1 retries until the app takes it
 * @param qos deprecated in Dapr; ignored
 * @param caCert a CA certificate for TLS; not supported yet, init fails when set
 * @param clientCert a client certificate for TLS; not supported yet
 * @param clientKey the key of {@code clientCert}; not supported yet
 */
record Mqtt3BindingMetadata(
        String url,
        String topic,
        String consumerID,
        @DefaultValue("false") boolean retain,
        @DefaultValue("false") boolean cleanSession,
        @DefaultValue("0") long backOffMaxRetries,
        Optional<String> qos,
        Optional<String> caCert,
        Optional<String> clientCert,
        Optional<String> clientKey) {

    /** Dapr waits this long between retries of an event. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    Mqtt3BindingMetadata {
        MqttUrl.parse(url);
        MqttUrl.refuseCertificates(caCert, clientCert, clientKey);
        backOff(backOffMaxRetries);
    }

    BackOff backOff() {
        return backOff(backOffMaxRetries);
    }

    private static BackOff backOff(long retries) {
        return BackOff.constant(RETRY_DELAY, retries);
    }
}
