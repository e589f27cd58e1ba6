package io.daprj.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown tables of the pub/sub section of {@code docs/performance.md}; {@link MarkdownReport} lays out the rest
 * (facts, headings, paragraphs).
 */
final class PubSubReport {

    /** One fixed-rate latency run: the direct path (absent for a broker without a client) and the sidecar path. */
    record LatencyRow(String scenario, Optional<LoadResult> direct, LoadResult sidecar) {}

    private PubSubReport() {}

    static String bursts(List<PubSubBrokerRun.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| broker | path | messages | publish (msg/s) | publish → all delivered (s) | delivered (msg/s) "
                + "| delivered / published | first error |\n|---|---|---|---|---|---|---|---|\n");
        for (PubSubBrokerRun.Result r : results) {
            for (PubSubRuns.Burst b : r.bursts()) {
                out.append("| ").append(r.broker().componentType())
                        .append(" | ").append(b.path())
                        .append(" | ").append(b.messages())
                        .append(" | ").append(fmt0(b.publishRate()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", b.deliverySeconds()))
                        .append(" | ").append(fmt0(b.deliveryRate()))
                        .append(" | ").append(b.delivered()).append(" / ").append(b.published())
                        .append(" | ").append(b.firstError().isEmpty() ? "" : "`" + b.firstError() + "`")
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    static String latency(List<PubSubBrokerRun.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | rate: target → achieved direct / sidecars (msg/s) | direct p50 / p90 / p99 (ms) "
                + "| through two sidecars p50 / p90 / p99 (ms) | added p50 / p90 / p99 (ms) "
                + "| both sidecars' CPU (cores) "
                + "| undelivered direct / sidecars |\n|---|---|---|---|---|---|---|\n");
        for (PubSubBrokerRun.Result r : results) {
            for (LatencyRow row : r.latency()) {
                LoadResult s = row.sidecar();
                out.append("| ").append(row.scenario())
                        .append(" | ").append(s.targetRate()).append(" → ")
                        .append(row.direct().map(d -> fmt0(d.achievedRate())).orElse("–"))
                        .append(" / ").append(fmt0(s.achievedRate()))
                        .append(" | ").append(row.direct().map(PubSubReport::percentiles).orElse("no direct client"))
                        .append(" | ").append(percentiles(s))
                        .append(" | ").append(row.direct().filter(d -> d.ok() > 0 && s.ok() > 0)
                                .map(d -> added(d, s)).orElse("–"))
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f", s.sidecarCpu()))
                        .append(" | ").append(row.direct().map(d -> Long.toString(d.errors())).orElse("–"))
                        .append(" / ").append(s.errors())
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The brokers not measured and why, as a list; empty when every broker ran. */
    static Optional<String> skipped(List<PubSubBrokerRun.Result> results) {
        List<PubSubBrokerRun.Result> skipped = results.stream().filter(r -> r.skipped().isPresent()).toList();
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("Not measured in this run:\n\n");
        for (PubSubBrokerRun.Result r : skipped) {
            out.append("- `").append(r.broker().componentType()).append("`: ").append(r.skipped().get()).append('\n');
        }
        return Optional.of(out.toString());
    }

    private static String percentiles(LoadResult r) {
        if (r.ok() == 0) {
            return "nothing delivered";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", r.millisAt(50), r.millisAt(90), r.millisAt(99));
    }

    private static String added(LoadResult direct, LoadResult sidecar) {
        return String.format(Locale.ROOT, "%+.2f / %+.2f / %+.2f",
                sidecar.millisAt(50) - direct.millisAt(50),
                sidecar.millisAt(90) - direct.millisAt(90),
                sidecar.millisAt(99) - direct.millisAt(99));
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
