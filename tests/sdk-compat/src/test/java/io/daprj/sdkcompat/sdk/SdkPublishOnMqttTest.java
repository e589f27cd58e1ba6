package io.daprj.sdkcompat.sdk;

/**
 * {@code publishEvent} on {@code pubsub.mqtt3} against the Mosquitto broker of this machine (127.0.0.1:1883), with a
 * client id of this class's own and a clean session, so the broker keeps nothing afterwards. The refused delivery
 * comes again through the component's local retries.
 */
@RequiresComponentModule(module = "mqtt", componentType = "pubsub.mqtt3")
class SdkPublishOnMqttTest extends AbstractSdkPublishTest {

    @Override
    String componentType() {
        return "pubsub.mqtt3";
    }

    @Override
    String metadataYaml() {
        return """
                - {name: url, value: "tcp://127.0.0.1:1883"}
                - {name: consumerID, value: "%s"}
                - {name: cleanSession, value: "true"}
                - {name: backOffDuration, value: "200ms"}
                """.formatted("daprj-sdk-" + topic);
    }
}
