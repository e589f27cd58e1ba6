package io.daprj.runtime;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/** Log lines in daprd's JSON shape: {@code {"time","level","msg","scope","type":"log","app_id","ver"}}. */
final class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NONE = new byte[0];

    private final String appId;

    JsonLogEncoder(String appId) {
        this.appId = appId;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
                .put("level", event.getLevel().toString().toLowerCase(Locale.ROOT))
                .put("msg", event.getFormattedMessage())
                .put("scope", event.getLoggerName())
                .put("type", "log")
                .put("app_id", appId)
                .put("ver", io.daprj.runtime.metadata.MetadataApi.DAPR_RUNTIME_VERSION);
        try {
            byte[] bytes = JSON.writeValueAsBytes(line);
            byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (Exception e) {
            return NONE;
        }
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
