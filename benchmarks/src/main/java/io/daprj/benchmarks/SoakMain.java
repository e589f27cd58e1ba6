package io.daprj.benchmarks;

import io.daprj.benchmarks.SoakLedger.Phase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A bounded soak: for {@code --duration} (default 300 s) a fixed {@code --rate} (default 100 req/s) of state saves
 * and gets on {@code state.redis}, invocations caller sidecar → callee sidecar → app, and publishes to
 * {@code pubsub.redis} into the app; at 40% of the run the soak's private Redis is stopped for 5 s and started again
 * with its data (append-only file). Writes the Markdown report to {@code --out}. Usage:
 * {@code SoakMain --daprd bin/daprd --work DIR --out FILE [--duration SECONDS] [--rate N]}.
 */
public final class SoakMain {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    private static final String CALLER = "soak-caller";
    private static final String CALLEE = "soak-callee";

    private final Path daprd;
    private final Path work;
    private final Duration duration;
    private final int rate;
    private final Map<String, String> sidecarEnv;
    private final SoakLedger ledger = new SoakLedger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WARMUP = Duration.ofSeconds(15);

    private volatile Phase phase = Phase.WARMUP;
    private volatile String outageTiming = "not reached";

    private SoakMain(Path daprd, Path work, Duration duration, int rate) {
        this.daprd = daprd;
        this.work = work;
        this.duration = duration;
        this.rate = rate;
        this.sidecarEnv = Map.of("DAPRJ_HOME", work.resolve("daprj-home").toString());
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path work = Path.of(option(a, "--work", null));
        Files.createDirectories(work);
        SoakMain soak = new SoakMain(Path.of(option(a, "--daprd", null)), work,
                Duration.ofSeconds(Long.parseLong(option(a, "--duration", "300"))), Integer.parseInt(option(a, "--rate", "100")));
        Path out = Path.of(option(a, "--out", null));
        Files.writeString(out, soak.run());
        System.err.println("soak: results written to " + out);
        System.exit(0); // client event loops are not daemon threads
    }

    private String run() throws Exception {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = BenchmarkMain.loadAverage();
        List<SoakReport.Memory> memory = new ArrayList<>();
        SoakReport.Losses losses;
        try (PrivateRedis redis = new PrivateRedis(work.resolve("redis")); SoakApp app = new SoakApp()) {
            redis.start();
            Path resources = writeResources(redis.port());
            try (SidecarProcess callee = SidecarProcess.start(daprd, sidecarEnv, CALLEE, app.port(), "http", resources, logs());
                    SidecarProcess caller = SidecarProcess.start(daprd, sidecarEnv, CALLER, 0, "http", resources, logs())) {
                awaitSubscription(caller, app);
                long[] before = {caller.residentBytes(), callee.residentBytes(), SidecarHeap.usedAfterGc(caller.pid()),
                    SidecarHeap.usedAfterGc(callee.pid())};
                progress("%d s at %d req/s; Redis on port %d restarts at %d s", duration.toSeconds(), rate, redis.port(),
                        outageAt().toSeconds());
                Thread outage = Thread.ofVirtual().start(() -> restartRedis(redis));
                new SoakTraffic(client, caller.httpPort(), "statestore", CALLEE, ledger, () -> phase).run(rate, duration);
                outage.join();
                losses = findLosses(caller, app);
                memory.add(new SoakReport.Memory(CALLER + " (no app)", before[0], caller.residentBytes(), before[2],
                        SidecarHeap.usedAfterGc(caller.pid())));
                memory.add(new SoakReport.Memory(CALLEE + " (subscriber and echo app)", before[1], callee.residentBytes(),
                        before[3], SidecarHeap.usedAfterGc(callee.pid())));
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("date", started);
            facts.put("run", duration.toSeconds() + " s at " + rate + " req/s, in turn: state save (new key each time) and "
                    + "get on `state.redis`, invocation caller sidecar → callee sidecar → app (HTTP), publish to "
                    + "`pubsub.redis` (Redis streams) delivered to the callee's app");
            facts.put("Redis", "a private server for this run, restarted with its data: `" + String.join(" ", redis.command())
                    .replace("--save  ", "--save \"\" ") + "`");
            facts.put("outage", outageTiming);
            facts.put("phases", "a request counts in the phase in which it was sent; one sent before the outage and "
                    + "answered after Redis stopped counts in \"Redis stopped\"; the first 15 s are the sidecars' warm-up");
            facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores (nproc), " + BenchmarkMain.cpuModel()
                    + ", " + BenchmarkMain.memTotal() + " RAM; load average (1/5/15 min) " + loadBefore + " → "
                    + BenchmarkMain.loadAverage());
            return new SoakReport().setup(facts)
                    .errors(ledger.errors(), ledger.errorCount(true), ledger.errorCount(false))
                    .latency(ledger).memory(memory).losses(losses).render();
        }
    }

    private Duration outageAt() {
        Duration at = duration.multipliedBy(2).dividedBy(5);
        return at.compareTo(WARMUP) > 0 ? at : WARMUP;
    }

    private void restartRedis(PrivateRedis redis) {
        try {
            Thread.sleep(WARMUP);
            phase = Phase.BEFORE;
            Thread.sleep(outageAt().minus(WARMUP));
            phase = Phase.OUTAGE;
            long stopping = System.nanoTime();
            redis.stop();
            progress("Redis stopped");
            Thread.sleep(OUTAGE);
            long starting = System.nanoTime();
            redis.start();
            long up = System.nanoTime();
            progress("Redis started again");
            phase = Phase.RECOVERY;
            outageTiming = String.format(java.util.Locale.ROOT, "Redis stopped at %d s (SIGTERM), down %.1f s, answering "
                    + "PING %.2f s after its restart began", outageAt().toSeconds(), (up - stopping) / 1e9, (up - starting) / 1e9);
            Thread.sleep(RECOVERY);
            phase = Phase.AFTER;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes probes (negative n) until the subscriber receives one, so the run starts with delivery working. */
    private void awaitSubscription(SidecarProcess caller, SoakApp app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (long probe = -1; System.nanoTime() < deadline; probe--) {
            send(caller, "POST", "/v1.0/publish/" + SoakApp.PUBSUB + "/" + SoakApp.TOPIC, "{\"n\":" + probe + "}");
            Thread.sleep(500);
            if (app.receivedCount() > 0) {
                return;
            }
        }
        throw new IllegalStateException("the subscriber received no probe event in 60 s");
    }

    private SoakReport.Losses findLosses(SidecarProcess caller, SoakApp app) throws Exception {
        Set<Long> publishes = ledger.ackedPublishes();
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (publishes.stream().anyMatch(n -> !app.received(n)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        List<Long> lostPublishes = publishes.stream().filter(n -> !app.received(n)).sorted().toList();
        Set<Long> lostSaves = ConcurrentHashMap.newKeySet();
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n : ledger.ackedSaves()) {
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        HttpResponse<String> r = send(caller, "GET", "/v1.0/state/statestore/" + SoakTraffic.key(n), null);
                        if (r.statusCode() != 200 || !r.body().contains("\"n\":" + n)) {
                            lostSaves.add(n);
                        }
                    } catch (Exception e) {
                        lostSaves.add(n);
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        List<Long> sortedLostSaves = lostSaves.stream().sorted().toList();
        return new SoakReport.Losses(ledger.ackedSaves().size(), lostSaves.size(), sortedLostSaves.subList(0,
                Math.min(10, lostSaves.size())), publishes.size(), lostPublishes.size(),
                lostPublishes.subList(0, Math.min(10, lostPublishes.size())));
    }

    private HttpResponse<String> send(SidecarProcess sidecar, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sidecar.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Path writeResources(int redisPort) throws IOException {
        Path dir = Files.createDirectories(work.resolve("soak-resources"));
        Files.writeString(dir.resolve("redis.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: statestore
                spec:
                  type: state.redis
                  version: v1
                  metadata:
                  - {name: redisHost, value: "127.0.0.1:%1$d"}
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: %2$s
                spec:
                  type: pubsub.redis
                  version: v1
                  metadata:
                  - {name: redisHost, value: "127.0.0.1:%1$d"}
                """.formatted(redisPort, SoakApp.PUBSUB));
        return dir;
    }

    private Path logs() {
        return work.resolve("logs");
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalArgumentException(name + ": missing (usage: --daprd FILE --work DIR --out FILE "
                    + "[--duration SECONDS] [--rate N])");
        }
        return args.get(i + 1);
    }

    private static void progress(String format, Object... values) {
        System.err.println("soak: " + String.format(java.util.Locale.ROOT, format, values));
    }
}
