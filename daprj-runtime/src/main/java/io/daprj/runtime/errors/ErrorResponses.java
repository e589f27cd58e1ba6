package io.daprj.runtime.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place an exception becomes Dapr's HTTP error body or a gRPC status with ErrorInfo details. */
public final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "dapr.io";

    private ErrorResponses() {}

    /** Any throwable as a DaprException; unexpected ones become a logged 500 {@code ERROR}. */
    public static DaprException toDapr(Throwable t) {
        if (t instanceof DaprException d) {
            return d;
        }
        if (t.getCause() instanceof DaprException d) {
            return d;
        }
        log.warn("unexpected error", t);
        return DaprError.ERROR.with(String.valueOf(t.getMessage()));
    }

    /** The JSON body daprd sends: {@code {"errorCode","message"[,"details":[ErrorInfo]]}}. */
    public static byte[] httpBody(DaprException e, String appId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errorCode", e.error().code());
        body.put("message", e.getMessage());
        if (!e.error().reason().isEmpty()) {
            ObjectNode info = body.putArray("details").addObject();
            info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
            info.put("reason", e.error().reason());
            info.put("domain", DOMAIN);
            info.putObject("metadata").put("appID", appId);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A gRPC status carrying the message and, always, an ErrorInfo with the Dapr error code as metadata. */
    public static StatusRuntimeException grpcStatus(DaprException e, String appId) {
        String reason = e.error().reason().isEmpty() ? e.error().code() : e.error().reason();
        ErrorInfo info = ErrorInfo.newBuilder()
                .setReason(reason)
                .setDomain(DOMAIN)
                .putAllMetadata(Map.of("appID", appId, "errorCode", e.error().code()))
                .build();
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(e.grpcCode().value())
                .setMessage(e.getMessage() == null ? "" : e.getMessage())
                .addDetails(Any.pack(info))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }
}
