package io.daprj.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders measured results as the Markdown tables of {@code docs/performance.md}. */
final class MarkdownReport {

    /** A sidecar's memory: right after {@code healthz} 204, a few seconds later, and the peak under load. */
    record MemoryRow(String sidecar, long healthyBytes, long idleBytes, long peakBytes) {}

    /** One timed start: spawn to {@code healthz} 204, the CPU time the sidecar used for it, the RSS then and later. */
    record StartupSample(double millis, double cpuMillis, long healthyBytes, long idleBytes) {}

    private final StringBuilder out = new StringBuilder();

    void environment(Map<String, String> facts) {
        out.append("| | |\n|---|---|\n");
        facts.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append('\n');
    }

    void heading(String text) {
        out.append("### ").append(text).append("\n\n");
    }

    void paragraph(String text) {
        out.append(text).append("\n\n");
    }

    void comparisons(List<Comparison> rows) {
        out.append("| scenario | rate: target → achieved direct / sidecar (req/s) | direct p50 / p90 / p99 (ms) "
                + "| through sidecar p50 / p90 / p99 (ms) | added p50 / p90 / p99 (ms) | ratio p50 / p90 / p99 "
                + "| sidecar CPU (cores) | errors direct / sidecar | generator's max send lag direct / sidecar (ms) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        for (Comparison c : rows) {
            out.append("| ").append(c.scenario())
                    .append(" | ").append(c.direct().targetRate()).append(" → ")
                    .append(fmt0(c.direct().achievedRate())).append(" / ").append(fmt0(c.sidecar().achievedRate()))
                    .append(" | ").append(percentiles(c.direct()))
                    .append(" | ").append(percentiles(c.sidecar()))
                    .append(" | ").append(c.answered()
                            ? triple(c.addedMillis(50), c.addedMillis(90), c.addedMillis(99), "%+.2f") : "–")
                    .append(" | ").append(c.answered() ? triple(c.ratio(50), c.ratio(90), c.ratio(99), "%.1f×") : "–")
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", c.sidecar().sidecarCpu()))
                    .append(" | ").append(c.direct().errors()).append(" / ").append(c.sidecar().errors())
                    .append(" | ").append(fmt0(c.direct().maxSendLagMicros() / 1000.0)).append(" / ")
                    .append(fmt0(c.sidecar().maxSendLagMicros() / 1000.0))
                    .append(" |\n");
            for (LoadResult r : List.of(c.direct(), c.sidecar())) {
                if (!r.firstError().isEmpty()) {
                    failures.add(r.name() + ": " + r.firstError());
                }
            }
        }
        out.append('\n');
        if (!failures.isEmpty()) {
            out.append("First error of each run that had errors:\n\n");
            failures.stream().distinct().forEach(f -> out.append("- `").append(f).append("`\n"));
            out.append('\n');
        }
    }

    void startup(List<StartupSample> samples) {
        List<Double> millis = new ArrayList<>(samples.stream().map(StartupSample::millis).sorted().toList());
        List<Double> cpu = new ArrayList<>(samples.stream().map(StartupSample::cpuMillis).sorted().toList());
        out.append("| starts | median wall (ms) | min / max wall (ms) | median sidecar CPU until then (ms) "
                + "| all wall (ms, in order) |\n|---|---|---|---|---|\n");
        out.append("| ").append(samples.size())
                .append(" | ").append(fmt0(median(millis)))
                .append(" | ").append(fmt0(millis.getFirst())).append(" / ").append(fmt0(millis.getLast()))
                .append(" | ").append(fmt0(median(cpu)))
                .append(" | ").append(String.join(", ", samples.stream().map(s -> fmt0(s.millis())).toList()))
                .append(" |\n\n");
    }

    void memory(List<MemoryRow> rows) {
        out.append("| sidecar | RSS at first healthz 204 (MB) | RSS idle, 3 s later (MB) | peak RSS under load (MB) |\n");
        out.append("|---|---|---|---|\n");
        for (MemoryRow r : rows) {
            out.append("| ").append(r.sidecar())
                    .append(" | ").append(mb(r.healthyBytes()))
                    .append(" | ").append(mb(r.idleBytes()))
                    .append(" | ").append(r.peakBytes() > 0 ? mb(r.peakBytes()) : "–")
                    .append(" |\n");
        }
        out.append('\n');
    }

    String render() {
        return out.toString();
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
    }

    private static String percentiles(LoadResult r) {
        if (r.ok() == 0) {
            return "no response";
        }
        return triple(r.millisAt(50), r.millisAt(90), r.millisAt(99), "%.2f");
    }

    private static String triple(double a, double b, double c, String format) {
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, a, b, c);
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
