package io.daprj.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the pub/sub benchmark against one broker: the direct path (the broker's own client publishes and consumes) and
 * the sidecar path (HTTP publish to a publisher sidecar → broker → subscriber sidecar → {@link PubSubSubscriberApp}),
 * each on topics of its own: one burst, then fixed-rate latency runs. Skips the broker, saying why, when the
 * packaged sidecar cannot load its component.
 */
final class PubSubBrokerRun {

    /** What one broker gave: its bursts and latency rows, or why it was skipped. */
    record Result(PubSubBroker broker, List<PubSubRuns.Burst> bursts, List<PubSubReport.LatencyRow> latency,
            Optional<String> skipped) {

        static Result skipped(PubSubBroker broker, String why) {
            return new Result(broker, List.of(), List.of(), Optional.of(why));
        }
    }

    private final Path daprd;
    private final Path work;
    private final Map<String, String> sidecarEnv;
    private final PubSubPlan plan;

    PubSubBrokerRun(Path daprd, Path work, Map<String, String> sidecarEnv, PubSubPlan plan) {
        this.daprd = daprd;
        this.work = work;
        this.sidecarEnv = sidecarEnv;
        this.plan = plan;
    }

    Result run(PubSubBroker broker) throws Exception {
        Optional<String> down = broker.serverDown();
        if (down.isPresent()) {
            return Result.skipped(broker, down.get());
        }
        String prefix = "bench-" + ProcessHandle.current().pid() + "-" + broker.name();
        String sidecarBurst = prefix + "-sidecar-burst";
        String sidecarLatency = prefix + "-sidecar-latency";
        Path resources = Files.createDirectories(work.resolve("pubsub-" + broker.name()));
        Files.writeString(resources.resolve("pubsub.yaml"), broker.componentYaml(work));

        PubSubDeliveries deliveries = new PubSubDeliveries();
        PubSubRuns runs = new PubSubRuns(deliveries);
        PubSubDirectDriver direct = broker.direct().isPresent() ? broker.direct().get().open() : null;
        try (PubSubSubscriberApp app = PubSubSubscriberApp.start(PubSubBroker.PUBSUB_NAME,
                List.of(sidecarBurst, sidecarLatency), deliveries)) {
            if (direct != null) {
                direct.prepareTopic(sidecarBurst);
                direct.prepareTopic(sidecarLatency);
            }
            List<SidecarProcess> sidecars = new ArrayList<>();
            try {
                Optional<String> failed = startSidecars(broker, resources, app, sidecars);
                if (failed.isPresent()) {
                    return Result.skipped(broker, failed.get());
                }
                awaitSubscribed(sidecars.get(1), List.of(sidecarBurst, sidecarLatency));
                PubSubPublisher viaSidecars = PubSubPublisher.throughSidecar(sidecars.get(0).httpPort(),
                        PubSubBroker.PUBSUB_NAME);
                return measure(broker, runs, direct, deliveries, prefix, viaSidecars, sidecarBurst, sidecarLatency,
                        sidecars);
            } finally {
                for (SidecarProcess sidecar : sidecars) {
                    sidecar.close();
                }
            }
        } finally {
            if (direct != null) {
                direct.close();
            }
        }
    }

    private Result measure(PubSubBroker broker, PubSubRuns runs, PubSubDirectDriver direct,
            PubSubDeliveries deliveries, String prefix, PubSubPublisher viaSidecars, String sidecarBurst,
            String sidecarLatency, List<SidecarProcess> sidecars) throws Exception {
        String directBurst = prefix + "-direct-burst";
        String directLatency = prefix + "-direct-latency";
        if (direct != null) {
            direct.subscribe(directBurst, deliveries::received);
            direct.subscribe(directLatency, deliveries::received);
        }
        OpenLoopLoad jitWarmup = new OpenLoopLoad(Duration.ZERO, plan.phaseWarmup());
        int firstRate = plan.rates().getFirst();
        if (direct != null) {
            runs.latency(jitWarmup, "warm-up", direct::publish, directLatency, firstRate);
        }
        runs.latency(jitWarmup, "warm-up", viaSidecars, sidecarLatency, firstRate);

        List<PubSubRuns.Burst> bursts = new ArrayList<>();
        if (direct != null) {
            bursts.add(progress(broker, runs.burst("direct", direct::publish, directBurst, plan.burstMessages(),
                    plan.burstWindow())));
        }
        bursts.add(progress(broker, runs.burst("two sidecars", viaSidecars, sidecarBurst, plan.burstMessages(),
                plan.burstWindow())));

        List<PubSubReport.LatencyRow> latency = new ArrayList<>();
        OpenLoopLoad load = new OpenLoopLoad(plan.warmup(), plan.measure());
        for (int rate : plan.rates()) {
            Optional<LoadResult> d = Optional.empty();
            if (direct != null) {
                d = Optional.of(progress(runs.latency(load, broker.name() + " direct", direct::publish, directLatency,
                        rate)));
            }
            long cpuBefore = cpuNanos(sidecars);
            long before = System.nanoTime();
            LoadResult s = runs.latency(load, broker.name() + " two sidecars", viaSidecars, sidecarLatency, rate);
            s = progress(s.withSidecarCpu((cpuNanos(sidecars) - cpuBefore) / (double) (System.nanoTime() - before)));
            latency.add(new PubSubReport.LatencyRow(broker.componentType() + ", 1 KB, " + rate + " msg/s", d, s));
        }
        return new Result(broker, bursts, latency, Optional.empty());
    }

    /** Starts the publisher and the subscriber sidecar; a reason instead when the component did not load. */
    private Optional<String> startSidecars(PubSubBroker broker, Path resources, PubSubSubscriberApp app,
            List<SidecarProcess> started) throws IOException, InterruptedException {
        try {
            started.add(SidecarProcess.start(daprd, sidecarEnv, "bench-pubsub-pub-" + broker.name(), 0, "http",
                    resources, work.resolve("logs")));
            started.add(SidecarProcess.start(daprd, sidecarEnv, "bench-pubsub-sub-" + broker.name(), app.port(),
                    "http", resources, work.resolve("logs")));
            return Optional.empty();
        } catch (IllegalStateException e) {
            String output = String.valueOf(e.getMessage());
            if (output.contains("unknown component type")) {
                return Optional.of("the packaged sidecar has no " + broker.componentType() + " component yet");
            }
            return Optional.of("the sidecar did not start with the " + broker.componentType() + " component: "
                    + firstErrorLine(output));
        }
    }

    private static void awaitSubscribed(SidecarProcess subscriber, List<String> topics) throws Exception {
        HttpRequest metadata = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + subscriber.httpPort() + "/v1.0/metadata")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            while (System.nanoTime() < deadline) {
                String body = http.send(metadata, HttpResponse.BodyHandlers.ofString()).body();
                if (topics.stream().allMatch(t -> body.contains("\"topic\":\"" + t + "\""))) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(subscriber.appId() + " did not subscribe to " + topics + " within 60 s");
    }

    private static String firstErrorLine(String output) {
        return output.lines().filter(l -> l.contains("level=ERROR") || l.contains("Exception")).findFirst()
                .orElse(output.lines().findFirst().orElse(""))
                .replace('|', '/');
    }

    private static long cpuNanos(List<SidecarProcess> sidecars) {
        return sidecars.stream().mapToLong(SidecarProcess::cpuNanos).sum();
    }

    private static PubSubRuns.Burst progress(PubSubBroker broker, PubSubRuns.Burst b) {
        System.err.printf(Locale.ROOT, "benchmarks: %-10s burst %-12s %d msgs: publish %.0f msg/s, %d delivered in "
                + "%.2f s (%.0f msg/s)%s%n", broker.name(), b.path(), b.messages(), b.publishRate(), b.delivered(),
                b.deliverySeconds(), b.deliveryRate(), b.firstError().isEmpty() ? "" : "; " + b.firstError());
        return b;
    }

    private static LoadResult progress(LoadResult r) {
        System.err.printf(Locale.ROOT, "benchmarks: %-28s %5d msg/s → %6.0f  p50 %7.2f  p90 %7.2f  p99 %7.2f ms  "
                + "undelivered %d  CPU %.2f%s%n", r.name(), r.targetRate(), r.achievedRate(), r.millisAt(50),
                r.millisAt(90), r.millisAt(99), r.errors(), r.sidecarCpu(),
                r.firstError().isEmpty() ? "" : "; first error: " + r.firstError());
        return r;
    }
}
