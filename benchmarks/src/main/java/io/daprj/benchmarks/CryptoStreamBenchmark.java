package io.daprj.benchmarks;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SplitHttpResponse;
import com.linecorp.armeria.common.stream.StreamMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encrypts and decrypts one large file through the packaged sidecar's HTTP crypto API
 * ({@code PUT /v1.0-alpha1/crypto/{component}/encrypt|decrypt}, {@code crypto.dapr.localstorage}, AES-256 key wrap,
 * AES-GCM segments), streaming both ways over h2c (so request and response flow at once), and checks the round trip by SHA-256. Reports throughput and the
 * sidecar's peak heap (its {@code jvm_memory_used_bytes{area="heap"}} metric, sampled every 200 ms) and peak RSS
 * ({@code VmHWM}). Usage: {@code CryptoStreamBenchmark --daprd bin/daprd --work DIR [--size-mib 1024]}.
 */
public final class CryptoStreamBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CryptoStreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path daprd = Path.of(option(a, "--daprd", null));
        Path work = Files.createDirectories(Path.of(option(a, "--work", null)));
        long size = Long.parseLong(option(a, "--size-mib", "1024")) * 1024 * 1024;
        Path resources = writeResources(work);
        Path plain = work.resolve("plain.bin");
        String plainSha = writeRandomFile(plain, size);
        int metricsPort = SidecarProcess.freePort();
        try (SidecarProcess sidecar = SidecarProcess.start(daprd, Map.of("DAPRJ_HOME", work.resolve("home").toString()),
                "bench-crypto", 0, "http", resources, work.resolve("logs"), metricsPort, List.of("--max-body-size", "4Gi"));
                HeapSampler heap = new HeapSampler(metricsPort)) {
            System.out.printf("sidecar JVM: %s%n", String.join(" ", jvmOptions(sidecar.pid())));
            WebClient web = WebClient.builder("h2c://127.0.0.1:" + sidecar.httpPort())
                    .maxResponseLength(0).responseTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).build();
            String base = "/v1.0-alpha1/crypto/benchcrypto/";
            Path encrypted = work.resolve("encrypted.bin");
            long started = System.nanoTime();
            SplitHttpResponse enc = web.execute(com.linecorp.armeria.common.HttpRequest.of(RequestHeaders.of(HttpMethod.PUT,
                    base + "encrypt", "dapr-key-name", "aeskey", "dapr-key-wrap-algorithm", "AES"),
                    StreamMessage.of(plain))).split();
            int encStatus = enc.headers().join().status().code();
            enc.body().writeTo(d -> d, encrypted).join();
            double encSeconds = (System.nanoTime() - started) / 1e9;
            check(encStatus == 200, "encrypt answered " + encStatus + ": " + head(encrypted));
            long heapAfterEncrypt = heap.peakAndReset();
            started = System.nanoTime();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SplitHttpResponse dec = web.execute(com.linecorp.armeria.common.HttpRequest.of(
                    RequestHeaders.of(HttpMethod.PUT, base + "decrypt"), StreamMessage.of(encrypted))).split();
            int decStatus = dec.headers().join().status().code();
            try (InputStream in = dec.body().toInputStream(d -> d)) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n != -1; n = in.read(buf)) {
                    sha.update(buf, 0, n);
                }
            }
            double decSeconds = (System.nanoTime() - started) / 1e9;
            check(decStatus == 200, "decrypt answered " + decStatus);
            String roundTripSha = HexFormat.of().formatHex(sha.digest());
            check(roundTripSha.equals(plainSha), "SHA-256 differs after the round trip: " + roundTripSha + " vs " + plainSha);
            long heapAfterDecrypt = heap.peakAndReset();
            long peakRss = ProcStats.peakResidentBytes(sidecar.pid());
            double mib = size / 1048576.0;
            System.out.printf("| operation | bytes in | seconds | MiB/s | sidecar peak heap used (MiB) |%n|---|---|---|---|---|%n");
            System.out.printf("| encrypt | %d | %.1f | %.0f | %.0f |%n", size, encSeconds, mib / encSeconds, heapAfterEncrypt / 1048576.0);
            System.out.printf("| decrypt | %d | %.1f | %.0f | %.0f |%n", Files.size(encrypted), decSeconds, mib / decSeconds,
                    heapAfterDecrypt / 1048576.0);
            System.out.printf("%nround trip SHA-256 %s matches; sidecar peak RSS (VmHWM) %.0f MiB; ciphertext %d bytes (%d bytes of overhead)%n",
                    plainSha, peakRss / 1048576.0, Files.size(encrypted), Files.size(encrypted) - size);
            Files.delete(encrypted);
        } finally {
            Files.deleteIfExists(plain);
        }
        System.exit(0);
    }

    private static Path writeResources(Path work) throws IOException {
        Path keys = Files.createDirectories(work.resolve("keys"));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(keys.resolve("aeskey"), Base64.getEncoder().encodeToString(secret));
        Path resources = Files.createDirectories(work.resolve("resources"));
        Files.writeString(resources.resolve("crypto.yaml"), """
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata: {name: benchcrypto}
                spec:
                  type: crypto.dapr.localstorage
                  version: v1
                  metadata:
                  - {name: path, value: "%s"}
                """.formatted(keys));
        return resources;
    }

    /** Writes {@code size} pseudo-random bytes and returns their SHA-256. */
    private static String writeRandomFile(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            for (long written = 0; written < size; written += block.length) {
                ByteBuffer longs = ByteBuffer.wrap(block);
                while (longs.hasRemaining()) {
                    longs.putLong(random.nextLong());
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Samples the sidecar's used heap from its Prometheus metrics and keeps the peak. */
    private static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        HeapSampler(int metricsPort) {
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build();
            timer.scheduleAtFixedRate(() -> {
                try {
                    String text = CLIENT.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
                    long used = text.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                            .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                    peak.accumulateAndGet(used, Math::max);
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // a missed sample only lowers the resolution
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        long peakAndReset() {
            return peak.getAndSet(0);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static List<String> jvmOptions(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0")).stream()
                .filter(s -> s.startsWith("-X")).toList();
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            if (fallback == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            return fallback;
        }
        return args.get(i + 1);
    }
}
