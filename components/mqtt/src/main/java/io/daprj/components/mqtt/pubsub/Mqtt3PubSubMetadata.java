package io.daprj.components.mqtt.pubsub;

import io.daprj.components.mqtt.BackOff;
import io.daprj.components.mqtt.MqttUrl;
import io.daprj.spi.DefaultValue;
import java.time.Duration;
import java.util.Optional;

/**
 * The component metadata of {@code pubsub.mqtt3}, with Dapr's names and defaults, plus Dapr's common retry settings
 * for the local retries of a failed message.
 *
 * @param url the broker, {@code tcp://[username][:password]@host[:port]} ({@code ssl://} for TLS)
 * @param consumerID the MQTT client id; the app id when left out, as Dapr's runtime fills it in
 * @param qos the QoS of publishing and subscribing: 0, 1 or 2
 * @param retain publish with the retain flag (a request's {@code retain} metadata overrides it)
 * @param cleanSession start a clean session; false keeps the session, and with it unacknowledged messages, across
 *     reconnections and restarts
 * @param caCert a CA certificate for TLS; not supported yet, init fails when set
 * @param clientCert a client certificate for TLS; not supported yet
 * @param clientKey the key of {@code clientCert}; not supported yet
 * @param backOffPolicy {@code constant} or {@code exponential} delays between local retries
 * @param backOffDuration the constant delay
 * @param backOffInitialInterval the first exponential delay
 * @param backOffMaxInterval the largest exponential delay
 * @param backOffMaxRetries local retries of a failed message; -1 retries until it is taken or the subscription closes
 */
record Mqtt3PubSubMetadata(
        String url,
        Optional<String> consumerID,
        @DefaultValue("1") int qos,
        @DefaultValue("false") boolean retain,
        @DefaultValue("false") boolean cleanSession,
        Optional<String> caCert,
        Optional<String> clientCert,
        Optional<String> clientKey,
        @DefaultValue("constant") Policy backOffPolicy,
        @DefaultValue("5s") Duration backOffDuration,
        @DefaultValue("500ms") Duration backOffInitialInterval,
        @DefaultValue("60s") Duration backOffMaxInterval,
        @DefaultValue("-1") long backOffMaxRetries) {

    /** Dapr's retry policies. */
    enum Policy { CONSTANT, EXPONENTIAL }

    Mqtt3PubSubMetadata {
        MqttUrl.parse(url);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("metadata field 'qos': " + qos + " (expected: 0, 1 or 2)");
        }
        MqttUrl.refuseCertificates(caCert, clientCert, clientKey);
        backOff(backOffPolicy, backOffDuration, backOffInitialInterval, backOffMaxInterval, backOffMaxRetries);
    }

    /** The client id: {@code consumerID}, else the app id. */
    String clientId(String appId) {
        return consumerID.or(() -> Optional.of(appId).filter(s -> !s.isBlank())).orElseThrow(() ->
                new IllegalArgumentException("metadata field 'consumerID' is required when the sidecar has no app id"));
    }

    BackOff backOff() {
        return backOff(backOffPolicy, backOffDuration, backOffInitialInterval, backOffMaxInterval, backOffMaxRetries);
    }

    private static BackOff backOff(Policy policy, Duration duration, Duration initial, Duration max, long retries) {
        return new BackOff(policy == Policy.EXPONENTIAL, duration, initial, max, retries);
    }
}
