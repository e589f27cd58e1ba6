package io.daprj.components.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.LongString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The metadata a received message carries to the app, in Dapr's two forms (pub/sub and input binding). */
public final class DeliveryMetadata {

    private DeliveryMetadata() {}

    /**
     * Pub/sub's {@code publishMessagePropertiesToMetadata}: {@code metadata.messageid}, {@code metadata.correlationid},
     * {@code metadata.type}, {@code metadata.contenttype} and every header as {@code metadata.<name>}.
     */
    public static Map<String, String> prefixed(Delivery delivery) {
        Map<String, String> metadata = new HashMap<>();
        AMQP.BasicProperties p = delivery.getProperties();
        putIfSet(metadata, "metadata.messageid", p.getMessageId());
        putIfSet(metadata, "metadata.correlationid", p.getCorrelationId());
        putIfSet(metadata, "metadata.type", p.getType());
        putIfSet(metadata, "metadata.contenttype", p.getContentType());
        if (p.getHeaders() != null) {
            p.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    metadata.put("metadata." + name, value.toString());
                }
            });
        }
        return metadata;
    }

    /** The input binding's: every string header, its name escaped as a URL query component (Dapr's). */
    public static Map<String, String> stringHeaders(Delivery delivery) {
        Map<String, String> metadata = new HashMap<>();
        Map<String, Object> headers = delivery.getProperties().getHeaders();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (value instanceof LongString || value instanceof String) {
                    metadata.put(URLEncoder.encode(name, StandardCharsets.UTF_8), value.toString());
                }
            });
        }
        return metadata;
    }

    private static void putIfSet(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }
}
