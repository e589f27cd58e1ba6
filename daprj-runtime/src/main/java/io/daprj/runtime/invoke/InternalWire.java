package io.daprj.runtime.invoke;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.dapr.v1.CommonProtos;
import io.grpc.Metadata;
import java.util.Locale;

/**
 * How one call travels between sidecars (and, for its message, to a gRPC app) on the internal gRPC port: {@code Dapr/InvokeService} with the app id as
 * {@code id}, the caller's identity and HTTP headers as request metadata, and the app's HTTP status and headers as
 * response trailers. Both ends use this class, so the format lives in one place.
 */
final class InternalWire {

    static final String HEADER_PREFIX = "x-daprj-h-";
    static final Metadata.Key<String> CALLER_APP_ID = key("x-daprj-caller-app-id");
    static final Metadata.Key<String> CALLER_NAMESPACE = key("x-daprj-caller-namespace");
    static final Metadata.Key<String> STATUS = key("x-daprj-status");

    private InternalWire() {}

    static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }

    /** The call as {@code common.v1.InvokeRequest}; a verb the proto has no name for travels as POST. */
    static CommonProtos.InvokeRequest message(InvokeRequest request) {
        CommonProtos.HTTPExtension.Verb verb;
        try {
            verb = CommonProtos.HTTPExtension.Verb.valueOf(request.verb().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            verb = CommonProtos.HTTPExtension.Verb.POST;
        }
        return CommonProtos.InvokeRequest.newBuilder()
                .setMethod(request.method())
                .setData(Any.newBuilder().setValue(ByteString.copyFrom(request.body())))
                .setContentType(request.contentType())
                .setHttpExtension(CommonProtos.HTTPExtension.newBuilder().setVerb(verb).setQuerystring(request.query()))
                .build();
    }

    static InvokeRequest request(CommonProtos.InvokeRequest message, Headers headers) {
        CommonProtos.HTTPExtension ext = message.getHttpExtension();
        String verb = ext.getVerb() == CommonProtos.HTTPExtension.Verb.NONE ? "POST" : ext.getVerb().name();
        return new InvokeRequest(message.getMethod(), verb, ext.getQuerystring(), headers,
                message.getData().getValue().toByteArray(), message.getContentType());
    }

    /** Puts each header under {@code x-daprj-h-<name>} so none collides with gRPC's own. */
    static void putHeaders(Metadata metadata, Headers headers) {
        headers.forEach((k, v) -> {
            if (!k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                metadata.put(key(HEADER_PREFIX + k), v);
            }
        });
    }

    /** The headers put by {@link #putHeaders}, from a metadata-like list of name/value pairs. */
    static Headers headersFrom(Iterable<? extends java.util.Map.Entry<? extends CharSequence, String>> entries) {
        Headers.Builder b = Headers.builder();
        for (var e : entries) {
            String name = e.getKey().toString();
            if (name.startsWith(HEADER_PREFIX)) {
                b.add(name.substring(HEADER_PREFIX.length()), e.getValue());
            }
        }
        return b.build();
    }
}
