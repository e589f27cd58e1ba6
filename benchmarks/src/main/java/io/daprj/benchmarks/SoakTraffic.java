package io.daprj.benchmarks;

import io.daprj.benchmarks.SoakLedger.Kind;
import io.daprj.benchmarks.SoakLedger.Phase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The soak's fixed-rate mix through the caller sidecar: request {@code n} is a state save of key {@code soak-n}
 * ({@code n % 4 == 0}), a get of the newest acknowledged key, an invocation of the callee app's echo, or a publish of
 * {@code {"n":n}} — each sent when due whatever the others are doing, each outcome written to the {@link SoakLedger}.
 */
final class SoakTraffic {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_IN_FLIGHT = 2_000;

    private final HttpClient client;
    private final String base;
    private final String store;
    private final String calleeAppId;
    private final SoakLedger ledger;
    private final Supplier<Phase> phase;
    private final AtomicLong newestAckedSave = new AtomicLong(-1);
    private final AtomicInteger inFlight = new AtomicInteger();

    SoakTraffic(HttpClient client, int callerHttpPort, String store, String calleeAppId, SoakLedger ledger, Supplier<Phase> phase) {
        this.client = client;
        this.base = "http://127.0.0.1:" + callerHttpPort;
        this.store = store;
        this.calleeAppId = calleeAppId;
        this.ledger = ledger;
        this.phase = phase;
    }

    /** Sends {@code ratePerSecond} requests a second until {@code duration} is over, then waits for the last answers. */
    void run(int ratePerSecond, Duration duration) throws InterruptedException {
        double interval = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long n = 0; ; n++) {
            long due = start + (long) (n * interval);
            if (due >= end) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send(n, due);
        }
        long drainUntil = System.nanoTime() + TIMEOUT.toNanos() * 2;
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
    }

    private void send(long n, long due) {
        Kind kind = Kind.values()[(int) (n % 4)];
        Phase sent = phase.get();
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            ledger.error(kind, sent, "not sent: " + MAX_IN_FLIGHT + " requests outstanding");
            return;
        }
        long readKey = newestAckedSave.get();
        HttpRequest request = switch (kind) {
            case SAVE -> post("/v1.0/state/" + store, "[{\"key\":\"" + key(n) + "\",\"value\":{\"n\":" + n + "}}]");
            case GET -> get("/v1.0/state/" + store + "/" + key(Math.max(readKey, 0)));
            case INVOKE -> post("/v1.0/invoke/" + calleeAppId + "/method/" + EchoApp.METHOD, "{\"n\":" + n + "}");
            case PUBLISH -> post("/v1.0/publish/" + SoakApp.PUBSUB + "/" + SoakApp.TOPIC, "{\"n\":" + n + "}");
        };
        inFlight.incrementAndGet();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        answer.whenComplete((response, failure) -> {
            inFlight.decrementAndGet();
            long latency = System.nanoTime() - due;
            Phase at = SoakLedger.of(sent, phase.get());
            if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                ledger.error(kind, at, cause.getClass().getSimpleName());
                return;
            }
            String problem = problem(kind, response, readKey);
            if (problem != null) {
                ledger.error(kind, at, problem);
                return;
            }
            ledger.success(kind, at, latency);
            if (kind == Kind.SAVE) {
                ledger.ackedSave(n);
                newestAckedSave.accumulateAndGet(n, Math::max);
            } else if (kind == Kind.PUBLISH) {
                ledger.ackedPublish(n);
            }
        });
    }

    /** Why the answer is not a success, or null. */
    private static String problem(Kind kind, HttpResponse<String> response, long readKey) {
        int status = response.statusCode();
        boolean ok = switch (kind) {
            case SAVE, PUBLISH -> status == 204;
            case GET -> readKey < 0 ? status == 204 || status == 200 : status == 200 && response.body().contains("\"n\":" + readKey);
            case INVOKE -> status == 200;
        };
        if (ok) {
            return null;
        }
        if (kind == Kind.GET && readKey >= 0 && (status == 204 || status == 200)) {
            return "HTTP " + status + ": an acknowledged save did not read back";
        }
        return "HTTP " + status + " " + errorCode(response.body());
    }

    static String key(long n) {
        return "soak-" + ProcessHandle.current().pid() + "-" + n;
    }

    private static String errorCode(String body) {
        int at = body.indexOf("\"errorCode\":\"");
        if (at < 0) {
            return "";
        }
        int start = at + "\"errorCode\":\"".length();
        return body.substring(start, Math.max(start, body.indexOf('"', start)));
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
    }
}
