package io.daprj.runtime.pubsub;

import java.util.Locale;

/** Dapr's content-type tests (components-contrib {@code contenttype}): exact media types, parameters ignored. */
final class ContentTypes {

    static final String CLOUD_EVENT = "application/cloudevents+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    private ContentTypes() {}

    static boolean isCloudEvent(String contentType) {
        return is(contentType, CLOUD_EVENT);
    }

    static boolean isJson(String contentType) {
        return is(contentType, JSON);
    }

    /** Sent as {@code data_base64}; Dapr also counts CloudEvents in protobuf. */
    static boolean isBinary(String contentType) {
        return is(contentType, OCTET_STREAM) || is(contentType, "application/cloudevents+protobuf");
    }

    static boolean isString(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/") || is(contentType, "application/xml");
    }

    private static boolean is(String contentType, String expected) {
        String lower = contentType.toLowerCase(Locale.ROOT).trim();
        int semicolon = lower.indexOf(';');
        return (semicolon < 0 ? lower : lower.substring(0, semicolon).trim()).equals(expected);
    }
}
