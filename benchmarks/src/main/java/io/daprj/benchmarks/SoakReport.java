package io.daprj.benchmarks;

import io.daprj.benchmarks.SoakLedger.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The soak's Markdown: the setup, errors by phase, latency per request kind, sidecar memory, and losses. */
final class SoakReport {

    /** RSS and used heap after a full GC of one sidecar, at the start and at the end of the run. */
    record Memory(String sidecar, long rssBefore, long rssAfter, long heapBefore, long heapAfter) {}

    /** Acknowledged writes and how many of them the end of the run found again. */
    record Losses(int savesAcked, int savesLost, List<Long> someLostSaves, int publishesAcked, int publishesLost,
            List<Long> someLostPublishes) {}

    private final MarkdownReport out = new MarkdownReport();

    SoakReport setup(Map<String, String> facts) {
        out.environment(facts);
        return this;
    }

    SoakReport errors(Map<List<String>, Long> errors, long aroundOutage, long outside) {
        out.heading("Errors by phase");
        StringBuilder t = new StringBuilder("| phase | request | cause | count |\n|---|---|---|---:|\n");
        errors.forEach((k, v) -> t.append("| ").append(k.get(0)).append(" | ").append(k.get(1).toLowerCase(Locale.ROOT))
                .append(" | ").append(k.get(2)).append(" | ").append(v).append(" |\n"));
        if (errors.isEmpty()) {
            t.append("| — | — | no errors | 0 |\n");
        }
        out.paragraph(t.toString().strip());
        out.paragraph("Errors around the outage (Redis stopped, and the 10 s after it is back): " + aroundOutage
                + "; outside it (warm-up not counted): " + outside + ".");
        return this;
    }

    SoakReport latency(SoakLedger ledger) {
        out.heading("Successful requests and latency (from the time each was due)");
        StringBuilder t = new StringBuilder("| request | succeeded | p50 / p99 outside warm-up and outage (ms) | p50 / p99 whole run (ms) |\n"
                + "|---|---:|---:|---:|\n");
        for (Kind kind : Kind.values()) {
            t.append("| ").append(kind.name().toLowerCase(Locale.ROOT)).append(" | ").append(ledger.ok(kind)).append(" | ")
                    .append(ms(ledger.latencyMicros(kind, true, 50))).append(" / ").append(ms(ledger.latencyMicros(kind, true, 99)))
                    .append(" | ").append(ms(ledger.latencyMicros(kind, false, 50))).append(" / ")
                    .append(ms(ledger.latencyMicros(kind, false, 99))).append(" |\n");
        }
        out.paragraph(t.toString().strip());
        return this;
    }

    SoakReport memory(List<Memory> rows) {
        out.heading("Sidecar memory, start → end of the run");
        StringBuilder t = new StringBuilder("| sidecar | VmRSS (MB) | used heap after a full GC (MB) |\n|---|---:|---:|\n");
        rows.forEach(r -> t.append("| ").append(r.sidecar()).append(" | ").append(MarkdownReport.mb(r.rssBefore())).append(" → ")
                .append(MarkdownReport.mb(r.rssAfter())).append(" | ").append(heap(r.heapBefore())).append(" → ")
                .append(heap(r.heapAfter())).append(" |\n"));
        out.paragraph(t.toString().strip());
        return this;
    }

    SoakReport losses(Losses l) {
        out.heading("Nothing acknowledged lost");
        out.paragraph("| check | acknowledged (204) | found at the end | lost |\n|---|---:|---:|---:|\n"
                + "| saves (unique keys, never overwritten) read back with their value | " + l.savesAcked() + " | "
                + (l.savesAcked() - l.savesLost()) + " | " + l.savesLost() + lostExamples(l.someLostSaves()) + " |\n"
                + "| publishes delivered to the subscriber at least once | " + l.publishesAcked() + " | "
                + (l.publishesAcked() - l.publishesLost()) + " | " + l.publishesLost() + lostExamples(l.someLostPublishes()) + " |");
        return this;
    }

    String render() {
        return out.render();
    }

    private static String lostExamples(List<Long> some) {
        return some.isEmpty() ? "" : " (e.g. n = " + some + ")";
    }

    private static String heap(long bytes) {
        return bytes == 0 ? "n/a" : MarkdownReport.mb(bytes);
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
