package io.daprj.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pub/sub benchmark, broker by broker ({@link PubSubBroker#all()}), written as Markdown to {@code --out}. Usage:
 * {@code PubSubBenchmarkMain --daprd bin/daprd --work DIR --out FILE [--quick] [--brokers redis,sqlite]}. A broker
 * whose server is down or whose component the packaged sidecar cannot load is skipped, and the results say why.
 */
public final class PubSubBenchmarkMain {

    private PubSubBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path daprd = Path.of(option(a, "--daprd"));
        Path work = Files.createDirectories(Path.of(option(a, "--work")));
        Path out = Path.of(option(a, "--out"));
        PubSubPlan plan = a.contains("--quick") ? PubSubPlan.QUICK : PubSubPlan.FULL;
        List<String> only = a.contains("--brokers") ? List.of(option(a, "--brokers").split(",")) : List.of();

        String loadBefore = loadAverage();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        PubSubBrokerRun runner = new PubSubBrokerRun(daprd, work,
                Map.of("DAPRJ_HOME", work.resolve("daprj-home").toString()), plan);
        List<PubSubBrokerRun.Result> results = new ArrayList<>();
        for (PubSubBroker broker : PubSubBroker.all()) {
            if (!only.isEmpty() && !only.contains(broker.name())) {
                continue;
            }
            System.err.println("benchmarks: pub/sub on " + broker.componentType());
            PubSubBrokerRun.Result result = runner.run(broker);
            result.skipped().ifPresent(why -> System.err.println("benchmarks: skipped " + broker.componentType()
                    + ": " + why));
            results.add(result);
        }
        Files.writeString(out, render(results, plan, daprd, started, loadBefore, only));
        System.err.println("benchmarks: pub/sub results written to " + out);
        System.exit(0); // client event loops are not daemon threads
    }

    private static String render(List<PubSubBrokerRun.Result> results, PubSubPlan plan, Path daprd, String started,
            String loadBefore, List<String> only) throws IOException {
        MarkdownReport report = new MarkdownReport();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", started);
        facts.put("plan", plan.name() + ": bursts of " + plan.burstMessages() + " messages (at most "
                + plan.burstWindow() + " unconfirmed); latency at " + plan.rates() + " msg/s, warm-up "
                + plan.warmup().toSeconds() + " s (+" + plan.phaseWarmup().toSeconds() + " s per path), measured "
                + plan.measure().toSeconds() + " s" + (only.isEmpty() ? "" : "; brokers " + String.join(", ", only)));
        facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        facts.put("sidecar AOT cache", Files.exists(daprd.resolveSibling("../lib/daprj.aot").normalize())
                ? "lib/daprj.aot present" : "none (distribution built with -Ddaprj.aot.skip=true): slower start, "
                + "same steady state once the JIT has compiled");
        facts.put("load average (1/5/15 min) before → after", loadBefore + " → " + loadAverage());
        report.environment(facts);
        report.heading("Pub/sub throughput: a burst of 1 KB messages, publish → broker → subscriber");
        report.paragraph(PubSubReport.bursts(results).stripTrailing());
        report.heading("Pub/sub latency: publish → delivery at a fixed rate (publisher sidecar → broker → subscriber "
                + "sidecar → app, vs the broker's own Java client publishing and consuming)");
        report.paragraph(PubSubReport.latency(results).stripTrailing());
        PubSubReport.skipped(results).map(String::stripTrailing).ifPresent(report::paragraph);
        return report.render();
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + ": missing (usage: --daprd FILE --work DIR --out FILE [--quick] "
                    + "[--brokers a,b])");
        }
        return args.get(i + 1);
    }
}
