package io.daprj.benchmarks;

import io.daprj.components.core.state.InMemoryStateStore;
import io.daprj.components.core.state.SqliteStateStore;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.state.SetRequest;
import io.daprj.spi.state.StateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs every scenario in order — sidecar start-up, HTTP invocation, gRPC invocation, state — and writes the Markdown
 * tables to {@code --out}. Usage: {@code BenchmarkMain --daprd bin/daprd --work DIR --out FILE [--quick]}.
 *
 * <p>Processes: this JVM (load generator, {@link EchoApp}, and the state stores of the direct path), one long-lived
 * caller sidecar, and one callee sidecar per invocation protocol, all sharing the machine's cores.
 */
public final class BenchmarkMain {

    private static final String CALLER = "bench-caller";
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final Path daprd;
    private final Path work;
    private final BenchmarkPlan plan;
    private final Map<String, String> sidecarEnv;
    private final MarkdownReport report = new MarkdownReport();
    private final List<MarkdownReport.MemoryRow> memory = new ArrayList<>();
    private String sidecarJvmOptions = "";

    private BenchmarkMain(Path daprd, Path work, BenchmarkPlan plan) {
        this.daprd = daprd;
        this.work = work;
        this.plan = plan;
        this.sidecarEnv = Map.of("DAPRJ_HOME", work.resolve("daprj-home").toString());
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path daprd = Path.of(option(a, "--daprd"));
        Path work = Path.of(option(a, "--work"));
        Path out = Path.of(option(a, "--out"));
        BenchmarkPlan plan = a.contains("--quick") ? BenchmarkPlan.QUICK : BenchmarkPlan.FULL;
        Files.createDirectories(work);
        String markdown = new BenchmarkMain(daprd, work, plan).run();
        Files.writeString(out, markdown);
        System.err.println("benchmarks: results written to " + out);
        System.exit(0); // client event loops are not daemon threads
    }

    private String run() throws Exception {
        String loadBefore = loadAverage();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Path resources = writeResources();

        List<MarkdownReport.StartupSample> startups = timeStartups(resources);
        List<Comparison> invocation = new ArrayList<>();
        List<Comparison> state = new ArrayList<>();
        try (EchoApp app = EchoApp.start();
                ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            SidecarProcess caller = SidecarProcess.start(daprd, sidecarEnv, CALLER, 0, "http", resources, logs());
            try {
                long callerHealthy = caller.residentBytes();
                Thread.sleep(SETTLE);
                long callerIdle = caller.residentBytes();
                try (ResourceSampler callerPeak = new ResourceSampler(List.of(caller))) {
                    invocation.addAll(invocationPhase("HTTP", app, caller, resources));
                    invocation.addAll(invocationPhase("gRPC", app, caller, resources));
                    state.addAll(statePhase("state.sqlite", "sqlite", caller, sqliteStore(work.resolve("direct.db")),
                            virtualThreads));
                    state.addAll(statePhase("state.in-memory", "memory", caller, memoryStore(), virtualThreads));
                    // Redis and PostgreSQL: the direct path is the database's own Java client (issue 3)
                    state.addAll(statePhase("state.redis", "redis", caller, RawClientStores.redis("127.0.0.1", 6379),
                            virtualThreads));
                    state.addAll(statePhase("state.postgresql", "pg", caller,
                            RawClientStores.postgres(POSTGRES_JDBC, "bench_direct_" + ProcessHandle.current().pid()),
                            virtualThreads));
                    memory.addFirst(new MarkdownReport.MemoryRow("caller (" + CALLER + ", no app; all scenarios)",
                            callerHealthy, callerIdle, callerPeak.peakBytes(caller)));
                }
            } finally {
                caller.close();
            }
        }

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", started);
        facts.put("plan", plan.name() + ": warm-up " + plan.warmup().toSeconds() + " s per run (+"
                + plan.phaseWarmup().toSeconds() + " s per new sidecar pair), measured "
                + plan.invocationMeasure().toSeconds() + " s per invocation run, "
                + plan.stateMeasure().toSeconds() + " s per state run");
        facts.put("machine", Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpuModel() + ", "
                + memTotal() + " RAM");
        facts.put("load average (1/5/15 min) before → after", loadBefore + " → " + loadAverage());
        facts.put("scheduling priority", "nice " + Integer.getInteger("daprj.bench.nice", 0)
                + " for the benchmark JVM and the sidecars (0: same as every other process on the machine)");
        facts.put("JDK", System.getProperty("java.vm.name") + " " + Runtime.version());
        facts.put("sidecar JVM options (from /proc/<pid>/cmdline)", "`" + sidecarJvmOptions + "`");
        facts.put("benchmark JVM options", "`" + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()) + "`");
        report.environment(facts);
        report.heading("Service invocation: caller sidecar → callee sidecar → app, vs client → app");
        report.comparisons(invocation);
        report.heading("State: through the sidecar (HTTP, gRPC) vs the store called directly (in-memory, SQLite: the "
                + "component class in-process; Redis, PostgreSQL: the database's own Java client)");
        report.comparisons(state);
        report.heading("Sidecar memory (VmRSS)");
        report.memory(memory);
        report.heading("Start-up: process spawn → first `GET /v1.0/healthz` 204");
        report.paragraph("Wall time depends on what else the machine runs; the CPU time the sidecar spent until "
                + "then (user + system, all its threads) depends much less on it.");
        report.startup(startups);
        return report.render();
    }

    private List<MarkdownReport.StartupSample> timeStartups(Path resources) throws Exception {
        List<MarkdownReport.StartupSample> samples = new ArrayList<>();
        for (int i = 1; i <= plan.startups(); i++) {
            SidecarProcess sidecar = SidecarProcess.start(daprd, sidecarEnv, "bench-start-" + i, 0, "http", resources,
                    logs());
            try {
                long healthy = sidecar.residentBytes();
                double cpuMillis = sidecar.cpuNanos() / 1e6;
                if (sidecarJvmOptions.isEmpty()) {
                    sidecarJvmOptions = jvmOptions(sidecar.pid());
                }
                Thread.sleep(SETTLE);
                samples.add(new MarkdownReport.StartupSample(sidecar.startup().toNanos() / 1e6, cpuMillis, healthy,
                        sidecar.residentBytes()));
                progress("start-up %d: %.0f ms (CPU %.0f ms), RSS %s MB → %s MB", i,
                        sidecar.startup().toNanos() / 1e6, cpuMillis, MarkdownReport.mb(healthy),
                        MarkdownReport.mb(sidecar.residentBytes()));
            } finally {
                sidecar.close();
            }
        }
        return samples;
    }

    private List<Comparison> invocationPhase(String protocol, EchoApp app, SidecarProcess caller, Path resources)
            throws Exception {
        boolean grpc = protocol.equals("gRPC");
        String calleeId = grpc ? "bench-grpc-app" : "bench-http-app";
        SidecarProcess callee = SidecarProcess.start(daprd, sidecarEnv, calleeId, app.port(), grpc ? "grpc" : "http",
                resources, logs());
        List<Comparison> rows = new ArrayList<>();
        try (ResourceSampler peak = new ResourceSampler(List.of(callee))) {
            long healthy = callee.residentBytes();
            Thread.sleep(SETTLE);
            long idle = callee.residentBytes();
            LoadTarget direct = grpc ? InvocationTargets.grpcDirect(app.port()) : InvocationTargets.httpDirect(app.port());
            LoadTarget viaSidecars = grpc
                    ? InvocationTargets.grpcViaSidecars(caller.grpcPort(), calleeId)
                    : InvocationTargets.httpViaSidecars(caller.httpPort(), calleeId);
            List<SidecarProcess> both = List.of(caller, callee);
            // cold sidecars are slow until the JIT has compiled the hot path: ramp up so no backlog builds
            OpenLoopLoad jitWarmup = new OpenLoopLoad(Duration.ZERO, plan.phaseWarmup().dividedBy(2));
            int firstRate = plan.invocationRates().getFirst();
            for (LoadTarget target : List.of(direct, viaSidecars)) {
                jitWarmup.run("warm-up", target, Math.max(1, firstRate / 5));
                jitWarmup.run("warm-up", target, firstRate);
            }
            OpenLoopLoad load = new OpenLoopLoad(plan.warmup(), plan.invocationMeasure());
            for (int rate : plan.invocationRates()) {
                LoadResult d = measure(load, protocol + " direct", direct, rate, List.of());
                LoadResult s = measure(load, protocol + " two sidecars", viaSidecars, rate, both);
                rows.add(new Comparison(protocol + " invoke, 1 KB, " + rate + " req/s", d, s));
            }
            memory.add(new MarkdownReport.MemoryRow("callee (" + calleeId + ", " + protocol + " app)", healthy, idle,
                    peak.peakBytes(callee)));
        } finally {
            callee.close();
        }
        return rows;
    }

    private List<Comparison> statePhase(String type, String storeName, SidecarProcess sidecar, StateStore direct,
            ExecutorService virtualThreads) throws Exception {
        List<Comparison> rows = new ArrayList<>();
        try (direct) {
            direct.set(SetRequest.of(StateTargets.GET_KEY, Payloads.JSON_VALUE.getBytes(StandardCharsets.UTF_8)));
            saveThroughSidecar(sidecar, storeName);
            OpenLoopLoad load = new OpenLoopLoad(plan.warmup(), plan.stateMeasure());
            int rate = plan.stateRate();
            List<SidecarProcess> one = List.of(sidecar);

            LoadResult directGet = measure(load, type + " get direct", StateTargets.directGet(direct, virtualThreads),
                    rate, List.of());
            LoadResult httpGet = measure(load, type + " get HTTP", StateTargets.httpGet(sidecar.httpPort(), storeName),
                    rate, one);
            LoadResult grpcGet = measure(load, type + " get gRPC", StateTargets.grpcGet(sidecar.grpcPort(), storeName),
                    rate, one);
            rows.add(new Comparison(type + " get, HTTP, " + rate + " req/s", directGet, httpGet));
            rows.add(new Comparison(type + " get, gRPC, " + rate + " req/s", directGet, grpcGet));

            LoadResult directSave = measure(load, type + " save direct",
                    StateTargets.directSave(direct, virtualThreads), rate, List.of());
            LoadResult httpSave = measure(load, type + " save HTTP",
                    StateTargets.httpSave(sidecar.httpPort(), storeName), rate, one);
            LoadResult grpcSave = measure(load, type + " save gRPC",
                    StateTargets.grpcSave(sidecar.grpcPort(), storeName), rate, one);
            rows.add(new Comparison(type + " save, HTTP, " + rate + " req/s", directSave, httpSave));
            rows.add(new Comparison(type + " save, gRPC, " + rate + " req/s", directSave, grpcSave));
        }
        return rows;
    }

    private LoadResult measure(OpenLoopLoad load, String name, LoadTarget target, int rate,
            List<SidecarProcess> sidecars) throws InterruptedException {
        long cpuBefore = sidecars.stream().mapToLong(SidecarProcess::cpuNanos).sum();
        long before = System.nanoTime();
        LoadResult result = load.run(name, target, rate);
        double cores = (sidecars.stream().mapToLong(SidecarProcess::cpuNanos).sum() - cpuBefore)
                / (double) (System.nanoTime() - before);
        result = result.withSidecarCpu(cores);
        progress("%-28s %5d req/s → %6.0f  p50 %6.2f  p90 %6.2f  p99 %6.2f ms  errors %d  lag %d µs  CPU %.2f",
                name, rate, result.achievedRate(), result.millisAt(50), result.millisAt(90), result.millisAt(99),
                result.errors(), result.maxSendLagMicros(), cores);
        if (!result.firstError().isEmpty()) {
            progress("  first error: %s", result.firstError());
        }
        return result;
    }

    private static void saveThroughSidecar(SidecarProcess sidecar, String store) throws IOException, InterruptedException {
        HttpRequest save = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sidecar.httpPort() + "/v1.0/state/" + store))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "[{\"key\":\"" + StateTargets.GET_KEY + "\",\"value\":" + Payloads.JSON_VALUE + "}]"))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(save, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("saving the key to read failed: " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    private static final String POSTGRES_JDBC = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private Path writeResources() throws IOException {
        Path dir = Files.createDirectories(work.resolve("resources"));
        Files.writeString(dir.resolve("stores.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: sqlite
                spec:
                  type: state.sqlite
                  version: v1
                  metadata:
                  - name: connectionString
                    value: "%s"
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: memory
                spec:
                  type: state.in-memory
                  version: v1
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: redis
                spec:
                  type: state.redis
                  version: v1
                  metadata:
                  - {name: redisHost, value: "127.0.0.1:6379"}
                ---
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: pg
                spec:
                  type: state.postgresql
                  version: v1
                  metadata:
                  - {name: connectionString, value: "host=127.0.0.1 port=5432 user=postgres database=test"}
                  - {name: tableName, value: "bench_sidecar_%d"}
                """.formatted(work.resolve("sidecar.db"), ProcessHandle.current().pid()));
        return dir;
    }

    private static StateStore sqliteStore(Path file) throws Exception {
        SqliteStateStore store = new SqliteStateStore();
        store.init(ComponentMetadata.of("direct", "state.sqlite", Map.of("connectionString", file.toString())));
        return store;
    }

    private static StateStore memoryStore() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        store.init(ComponentMetadata.of("direct", "state.in-memory", Map.of()));
        return store;
    }

    private Path logs() {
        return work.resolve("logs");
    }

    /** The JVM's options as launched: everything between the java binary and the class path. */
    private static String jvmOptions(long pid) throws IOException {
        List<String> args = Arrays.asList(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
        int cp = args.indexOf("-cp");
        return String.join(" ", args.subList(1, cp < 0 ? args.size() : cp));
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " / " + f[1] + " / " + f[2];
    }

    static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> String.format(Locale.ROOT, "%.0f GB",
                        Long.parseLong(l.replaceAll("\\D", "")) / (1024.0 * 1024.0)))
                .orElse("?");
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + ": missing (usage: --daprd FILE --work DIR --out FILE [--quick])");
        }
        return args.get(i + 1);
    }

    private static void progress(String format, Object... values) {
        System.err.println("benchmarks: " + String.format(Locale.ROOT, format, values));
    }
}
