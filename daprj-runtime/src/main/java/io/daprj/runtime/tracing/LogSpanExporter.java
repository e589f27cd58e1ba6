package io.daprj.runtime.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code spec.tracing.stdout: true}: each span as one log line. */
final class LogSpanExporter implements SpanExporter {

    private static final Logger log = LoggerFactory.getLogger("io.daprj.runtime.tracing.spans");

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData s : spans) {
            log.info("span {} kind={} trace={} id={} parent={} {}us attributes={}", s.getName(), s.getKind(),
                    s.getTraceId(), s.getSpanId(), s.getParentSpanId(),
                    (s.getEndEpochNanos() - s.getStartEpochNanos()) / 1_000, s.getAttributes().asMap());
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
